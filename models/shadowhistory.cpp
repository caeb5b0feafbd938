// SPDX-License-Identifier: GPL-3.0-or-later
#include "shadowhistory.h"

#include <algorithm>

ShadowHistory::ShadowHistory(QObject *parent)
    : QObject(parent)
{
}

ShadowHistory::~ShadowHistory() = default;

void ShadowHistory::record(const QString &thingName, const QString &shadowName,
                           const Iot::ShadowDocument &document)
{
    QList<Iot::ShadowDocument> &versions = m_versions[{ thingName, shadowName }];
    const auto at = std::lower_bound(versions.begin(), versions.end(), document.version,
                                     [](const Iot::ShadowDocument &recorded, qint64 version) {
                                         return recorded.version < version;
                                     });
    if (at != versions.end() && at->version == document.version)
        return;
    versions.insert(at, document);
    Q_EMIT recorded(thingName, shadowName, document.version);
}

QList<Iot::ShadowDocument> ShadowHistory::versions(const QString &thingName,
                                                   const QString &shadowName) const
{
    return m_versions.value({ thingName, shadowName });
}

void ShadowHistory::clear()
{
    m_versions.clear();
}
