// SPDX-License-Identifier: GPL-3.0-or-later
#include "thingsmodel.h"

#include "thingpagesource.h"

#include <QStringList>
#include <QVariantMap>

ThingsModel::ThingsModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_loader(
          this, [this](bool loading) { Q_EMIT loadingChanged(loading); },
          [this](const QString &message) { Q_EMIT failed(message); })
{
}

void ThingsModel::setPageSource(ThingPageSource *source)
{
    m_loader.setSource<ThingPageSource>(
        source, [this](const Iot::ThingPage &page) { appendPage(page); });
    reset();
}

ThingPageSource *ThingsModel::pageSource() const
{
    return static_cast<ThingPageSource *>(m_loader.source());
}

void ThingsModel::reset()
{
    m_loader.abandon();
    // A view or the model tester may ask for the first page inside endResetModel().
    beginResetModel();
    m_things.clear();
    m_loader.restart();
    endResetModel();
}

void ThingsModel::retry()
{
    m_loader.retry();
}

bool ThingsModel::isComplete() const
{
    return m_loader.isComplete();
}

QString ThingsModel::attributesText(const QMap<QString, QString> &attributes)
{
    QStringList pairs;
    pairs.reserve(attributes.size());
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it)
        pairs.append(it.key() % u'=' % it.value());
    return pairs.join(QStringLiteral(", "));
}

int ThingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_things.size());
}

int ThingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ThingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Iot::ThingSummary &thing = m_things[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case SortRole:
        switch (index.column()) {
        case Name:
            return thing.name;
        case Type:
            return thing.typeName;
        case Attributes:
            return attributesText(thing.attributes);
        }
        return {};
    case ThingNameRole:
        return thing.name;
    case TypeNameRole:
        return thing.typeName;
    case AttributesRole: {
        QVariantMap attributes;
        for (auto it = thing.attributes.cbegin(); it != thing.attributes.cend(); ++it)
            attributes.insert(it.key(), it.value());
        return attributes;
    }
    case ArnRole:
        return thing.arn;
    }
    return {};
}

QVariant ThingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Type:
        return tr("Type");
    case Attributes:
        return tr("Attributes");
    }
    return {};
}

bool ThingsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loader.canFetchMore();
}

void ThingsModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid())
        m_loader.fetchMore();
}

void ThingsModel::appendPage(const Iot::ThingPage &page)
{
    if (page.things.isEmpty())
        return;
    const int first = int(m_things.size());
    beginInsertRows({}, first, first + int(page.things.size()) - 1);
    m_things.insert(m_things.end(), page.things.cbegin(), page.things.cend());
    endInsertRows();
}
