// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "publishdraft.h"

#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Settings {

/**
 * Named drafts (variables kept unexpanded), kept across restarts in
 * AppDataLocation/publish/templates.json (directory injectable for tests, written
 * atomically), exported and imported as one JSON file of the same format:
 * {"shadowscopeTemplates":1,"templates":[{"name":…, <Publish::Draft::toJson() members>}…]}.
 * A templates file that cannot be read is left where it is (with a qWarning).
 */
class PublishTemplates final : public QObject
{
    Q_OBJECT
public:
    /** Reads @p directory/templates.json (empty @p directory: AppDataLocation/publish). */
    explicit PublishTemplates(QString directory = {}, QObject *parent = nullptr);
    ~PublishTemplates() override;

    QString directory() const { return m_directory; }

    /** Sorted, case-insensitive. */
    QStringList names() const;
    /** The template named exactly @p name. */
    std::optional<Publish::Draft> get(const QString &name) const;
    /**
     * Keeps @p draft as @p name (trimmed; a template of that name is replaced). False with
     * @p error (if given) when the name is empty or the file cannot be written (nothing changes
     * then). Emits changed().
     */
    bool save(const QString &name, const Publish::Draft &draft, QString *error = nullptr);
    /** Forgets the template @p name; emits changed() if there was one. */
    void remove(const QString &name);
    /** Writes every template to @p path; false with @p error (if given) when it cannot. */
    bool exportTo(const QString &path, QString *error = nullptr) const;
    /**
     * Adds the file's templates (same name: replaced); the number imported, or -1 and
     * @p error (not JSON, wrong format, a template that does not parse, or the templates
     * cannot be kept: nothing is imported then). Emits changed() when it imported any.
     */
    int importFrom(const QString &path, QString *error = nullptr);

Q_SIGNALS:
    /** A template was saved, removed or imported. */
    void changed();

private:
    bool write(const QMap<QString, Publish::Draft> &templates, QString *error) const;

    QString m_directory;
    QMap<QString, Publish::Draft> m_templates;
};

} // namespace Settings
