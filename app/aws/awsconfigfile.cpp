// SPDX-License-Identifier: GPL-3.0-or-later
#include "awsconfigfile.h"

namespace Aws {

namespace {

bool isCommentStart(QChar c)
{
    return c == u'#' || c == u';';
}

// Cuts an inline comment: '#' or ';' preceded by whitespace.
QStringView withoutInlineComment(QStringView line)
{
    for (qsizetype i = 1; i < line.size(); ++i) {
        if (isCommentStart(line.at(i)) && line.at(i - 1).isSpace())
            return line.left(i);
    }
    return line;
}

// "profile  x " -> "x"; nullopt when the header does not start with the word and a space.
std::optional<QString> afterPrefix(QStringView header, QLatin1String prefix)
{
    if (!header.startsWith(prefix) || header.size() <= prefix.size()
        || !header.at(prefix.size()).isSpace())
        return std::nullopt;
    const QString name = header.mid(prefix.size()).trimmed().toString();
    if (name.isEmpty())
        return std::nullopt;
    return name;
}

std::optional<AwsConfigFile::Settings> lookup(const QMap<QString, AwsConfigFile::Settings> &map,
                                              const QString &name)
{
    const auto it = map.constFind(name);
    if (it == map.constEnd())
        return std::nullopt;
    return *it;
}

} // namespace

AwsConfigFile AwsConfigFile::parse(QStringView text, Kind kind)
{
    AwsConfigFile file;
    Settings *section = nullptr; // null: outside any section we keep
    QString lastKey; // the property an indented line belongs to
    bool lastKeyOpensSubsection = false;

    for (QStringView rawLine : text.split(u'\n')) {
        if (rawLine.endsWith(u'\r'))
            rawLine.chop(1);
        const QStringView trimmed = rawLine.trimmed();
        if (trimmed.isEmpty() || isCommentStart(trimmed.front()))
            continue;
        const bool indented = rawLine.front().isSpace();
        const QStringView line = withoutInlineComment(trimmed).trimmed();

        if (!indented && line.startsWith(u'[')) {
            section = nullptr;
            lastKey.clear();
            if (!line.endsWith(u']'))
                continue;
            const QStringView header = line.mid(1, line.size() - 2).trimmed();
            if (header.isEmpty())
                continue;
            if (kind == Kind::Credentials) {
                section = &file.m_profiles[header.toString()];
            } else if (header == QLatin1String("default")) {
                section = &file.m_profiles[header.toString()];
            } else if (const auto name = afterPrefix(header, QLatin1String("profile"))) {
                section = &file.m_profiles[*name];
            } else if (const auto name = afterPrefix(header, QLatin1String("sso-session"))) {
                section = &file.m_ssoSessions[*name];
            } else if (const auto name = afterPrefix(header, QLatin1String("services"))) {
                section = &file.m_services[*name];
            }
            continue;
        }
        if (!section)
            continue;

        const qsizetype equals = line.indexOf(u'=');
        if (indented && !lastKey.isEmpty()) {
            if (lastKeyOpensSubsection) {
                const QStringView key = equals > 0 ? line.left(equals).trimmed() : QStringView();
                if (!key.isEmpty())
                    section->insert(lastKey % u'.' % key,
                                    line.mid(equals + 1).trimmed().toString());
            } else {
                QString &value = (*section)[lastKey];
                value = value % u'\n' % line;
            }
            continue;
        }
        if (equals <= 0) {
            lastKey.clear();
            continue;
        }
        const QString key = line.left(equals).trimmed().toString();
        const QString value = line.mid(equals + 1).trimmed().toString();
        if (key.isEmpty()) {
            lastKey.clear();
            continue;
        }
        lastKey = key;
        lastKeyOpensSubsection = value.isEmpty();
        if (lastKeyOpensSubsection) {
            // A repeated sub-section replaces the earlier one as a whole.
            const QString prefix = key % u'.';
            for (auto it = section->begin(); it != section->end();) {
                if (it.key().startsWith(prefix))
                    it = section->erase(it);
                else
                    ++it;
            }
        }
        section->insert(key, value);
    }
    return file;
}

std::optional<AwsConfigFile::Settings> AwsConfigFile::profile(const QString &name) const
{
    return lookup(m_profiles, name);
}

std::optional<AwsConfigFile::Settings> AwsConfigFile::ssoSession(const QString &name) const
{
    return lookup(m_ssoSessions, name);
}

std::optional<AwsConfigFile::Settings> AwsConfigFile::services(const QString &name) const
{
    return lookup(m_services, name);
}

} // namespace Aws
