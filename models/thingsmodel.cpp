// SPDX-License-Identifier: GPL-3.0-or-later
#include "thingsmodel.h"

#include "pagesource.h"

#include <QStringList>
#include <QVariantMap>

ThingsModel::ThingsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

ThingsModel::~ThingsModel()
{
    if (m_loading && m_source)
        m_source->cancel();
}

void ThingsModel::setPageSource(ThingPageSource *source)
{
    if (m_source) {
        if (m_loading)
            m_source->cancel();
        disconnect(m_source, nullptr, this, nullptr);
    }
    setLoading(false);
    m_source = source;
    if (m_source) {
        connect(m_source, &ThingPageSource::pageArrived, this, &ThingsModel::onPageArrived);
        connect(m_source, &ThingPageSource::pageFailed, this, &ThingsModel::onPageFailed);
    }
    reset();
}

ThingPageSource *ThingsModel::pageSource() const
{
    return m_source;
}

void ThingsModel::reset()
{
    ++m_generation;
    if (m_loading && m_source)
        m_source->cancel();
    setLoading(false);
    // A view or the model tester may ask for the first page inside endResetModel().
    beginResetModel();
    m_things.clear();
    m_nextToken.clear();
    m_error.clear();
    m_hasMore = m_source != nullptr;
    endResetModel();
}

void ThingsModel::retry()
{
    if (m_error.isEmpty())
        return;
    m_error.clear();
    fetchMore({});
}

bool ThingsModel::isComplete() const
{
    return m_source && !m_hasMore && !m_loading && m_error.isEmpty();
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
    return !parent.isValid() && m_source && m_hasMore && !m_loading && m_error.isEmpty();
}

void ThingsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    setLoading(true);
    m_inFetchMore = true;
    m_source->fetchPage(m_nextToken, m_generation);
    m_inFetchMore = false;
}

void ThingsModel::onPageArrived(quint64 generation, const Iot::ThingPage &page)
{
    // An answer given inside fetchMore() is appended from the event loop: fetchMore() may be
    // called by a view or proxy while it handles another change of this model.
    if (m_inFetchMore) {
        QMetaObject::invokeMethod(
            this, [this, generation, page] { onPageArrived(generation, page); },
            Qt::QueuedConnection);
        return;
    }
    if (generation != m_generation || !m_loading)
        return;
    if (!page.things.isEmpty()) {
        const int first = int(m_things.size());
        beginInsertRows({}, first, first + int(page.things.size()) - 1);
        m_things.insert(m_things.end(), page.things.cbegin(), page.things.cend());
        endInsertRows();
    }
    m_nextToken = page.nextToken;
    m_hasMore = !m_nextToken.isEmpty();
    setLoading(false);
}

void ThingsModel::onPageFailed(quint64 generation, const QString &message)
{
    if (m_inFetchMore) {
        QMetaObject::invokeMethod(
            this, [this, generation, message] { onPageFailed(generation, message); },
            Qt::QueuedConnection);
        return;
    }
    if (generation != m_generation || !m_loading)
        return;
    m_error = message;
    setLoading(false);
    Q_EMIT failed(message);
}

void ThingsModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}
