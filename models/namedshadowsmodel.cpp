// SPDX-License-Identifier: GPL-3.0-or-later
#include "namedshadowsmodel.h"

#include "shadow/shadowstate.h"
#include "shadowsource.h"

#include <QJsonArray>
#include <QLocale>

#include <algorithm>

namespace {

// Classic first, then named shadows by name as the Things list sorts them.
bool shadowLess(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty())
        return a.isEmpty() && !b.isEmpty();
    const int folded = a.compare(b, Qt::CaseInsensitive);
    return folded != 0 ? folded < 0 : a < b;
}

int countLeaves(const QJsonObject &object)
{
    int leaves = 0;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it->isObject() && !it->toObject().isEmpty())
            leaves += countLeaves(it->toObject());
        else
            ++leaves;
    }
    return leaves;
}

// A leaf's metadata is {"timestamp": <number>}; an object maps keys (one may be a state key
// called "timestamp", whose metadata is then an object) and an array holds per-element metadata.
qint64 newestTimestamp(const QJsonValue &metadata)
{
    qint64 newest = 0;
    if (metadata.isArray()) {
        const QJsonArray array = metadata.toArray();
        for (const QJsonValue &element : array)
            newest = std::max(newest, newestTimestamp(element));
        return newest;
    }
    const QJsonObject object = metadata.toObject();
    if (object.size() == 1 && object.begin()->isDouble()
        && object.begin().key() == QLatin1String("timestamp"))
        return qint64(object.begin()->toDouble());
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        newest = std::max(newest, newestTimestamp(*it));
    return newest;
}

} // namespace

NamedShadowsModel::NamedShadowsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

NamedShadowsModel::~NamedShadowsModel()
{
    if (m_loading && m_source)
        m_source->cancelAll();
}

void NamedShadowsModel::setSource(ShadowSource *source)
{
    abandon();
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    if (m_source) {
        connect(m_source, &ShadowSource::namesArrived, this, &NamedShadowsModel::onNamesArrived);
        connect(m_source, &ShadowSource::namesFailed, this, &NamedShadowsModel::onNamesFailed);
        connect(m_source, &ShadowSource::documentArrived, this,
                &NamedShadowsModel::onDocumentArrived);
        connect(m_source, &ShadowSource::documentMissing, this,
                &NamedShadowsModel::onDocumentMissing);
        connect(m_source, &ShadowSource::documentFailed, this,
                &NamedShadowsModel::onDocumentFailed);
    }
    clearRows({});
    Q_EMIT progressChanged();
    settle();
}

ShadowSource *NamedShadowsModel::source() const
{
    return m_source;
}

void NamedShadowsModel::setMaxInFlight(int maxInFlight)
{
    m_maxInFlight = std::max(1, maxInFlight);
    pump();
}

void NamedShadowsModel::setClock(RelativeTime::Clock clock)
{
    m_clock = std::move(clock);
    updateAges();
}

void NamedShadowsModel::openThing(const QString &thingName)
{
    abandon();
    clearRows(thingName);
    start();
}

void NamedShadowsModel::reload()
{
    if (!m_thingName.isEmpty())
        openThing(m_thingName);
}

void NamedShadowsModel::cancel()
{
    if (!m_loading)
        return;
    abandon();
    m_cancelled = true;
    // Rows still waiting for their document say Cancelled rather than Loading.
    for (size_t row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].status == Status::Loading) {
            m_rows[row].status = Status::Failed;
            m_rows[row].error = tr("Cancelled");
            emitRowChanged(int(row));
        }
    }
    Q_EMIT progressChanged();
    settle();
}

void NamedShadowsModel::retry()
{
    if (m_thingName.isEmpty() || m_loading || !m_source)
        return;
    if (m_cancelled) {
        reload();
        return;
    }
    ++m_generation;
    for (size_t row = 0; row < m_rows.size(); ++row) {
        Row &entry = m_rows[row];
        if (entry.status != Status::Failed)
            continue;
        entry.status = Status::Loading;
        entry.error.clear();
        entry.errorDetails.clear();
        m_queue.push_back(entry.name);
        emitRowChanged(int(row));
    }
    const bool relist = !m_namesError.isEmpty();
    m_namesError.clear();
    m_namesErrorDetails.clear();
    m_listing = relist;
    settle();
    Q_EMIT progressChanged();
    if (relist)
        requestNames();
    pump();
}

void NamedShadowsModel::updateAges()
{
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, Updated), index(rowCount() - 1, Updated),
                           { Qt::DisplayRole, Qt::ToolTipRole });
}

int NamedShadowsModel::failedCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const Row &row) { return row.status == Status::Failed; }));
}

QString NamedShadowsModel::errorMessage() const
{
    if (!m_namesError.isEmpty())
        return m_namesError;
    for (const Row &row : m_rows) {
        if (row.status == Status::Failed)
            return row.error;
    }
    return {};
}

QString NamedShadowsModel::errorDetails() const
{
    if (!m_namesError.isEmpty())
        return m_namesErrorDetails;
    for (const Row &row : m_rows) {
        if (row.status == Status::Failed)
            return row.errorDetails;
    }
    return {};
}

int NamedShadowsModel::rowOf(const QString &shadowName) const
{
    const auto it = std::find_if(m_rows.cbegin(), m_rows.cend(),
                                 [&](const Row &row) { return row.name == shadowName; });
    return it == m_rows.cend() ? -1 : int(it - m_rows.cbegin());
}

std::optional<Iot::ShadowDocument> NamedShadowsModel::document(const QString &shadowName) const
{
    const int row = rowOf(shadowName);
    return row < 0 ? std::nullopt : m_rows[size_t(row)].document;
}

qint64 NamedShadowsModel::documentBytes(const Iot::ShadowDocument &document)
{
    Shadow::StoredState state;
    state.desired = document.desired;
    state.reported = document.reported;
    return state.stateBytes();
}

int NamedShadowsModel::outOfSyncCount(const Iot::ShadowDocument &document)
{
    return countLeaves(document.delta);
}

QDateTime NamedShadowsModel::lastUpdated(const Iot::ShadowDocument &document)
{
    const qint64 newest = std::max(newestTimestamp(document.desiredMetadata),
                                   newestTimestamp(document.reportedMetadata));
    return newest > 0 ? QDateTime::fromSecsSinceEpoch(newest, Qt::UTC) : QDateTime();
}

QString NamedShadowsModel::sizeText(qint64 bytes)
{
    if (bytes < 1024)
        return tr("%1 B").arg(bytes);
    return tr("%1 KB").arg(QLocale().toString(double(bytes) / 1024.0, 'f', 1));
}

int NamedShadowsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int NamedShadowsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NamedShadowsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const bool loaded = row.status == Status::Loaded;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return row.name.isEmpty() ? tr("Classic") : row.name;
        case Version:
            if (row.status == Status::Loading)
                return tr("Loading…");
            return loaded ? QVariant(QString::number(row.document->version)) : tr("Failed");
        case Updated:
            return loaded ? RelativeTime::ageText(row.updated, m_clock()) : QString();
        case OutOfSync:
            return loaded ? QString::number(row.outOfSync) : QString();
        case Size:
            return loaded ? sizeText(row.bytes) : QString();
        }
        return {};
    case Qt::ToolTipRole:
        if (row.status == Status::Failed)
            return row.error;
        switch (index.column()) {
        case Name:
            return row.name.isEmpty() ? tr("The classic (unnamed) shadow") : row.name;
        case Updated:
            return RelativeTime::exactText(row.updated);
        case OutOfSync:
            return loaded ? tr("%1 keys of desired differ from reported").arg(row.outOfSync)
                          : QString();
        case Size:
            return loaded ? tr("%1 of %2 bytes (desired and reported, metadata not counted)")
                                .arg(row.bytes)
                                .arg(DocumentLimitBytes)
                          : QString();
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Version || index.column() == OutOfSync || index.column() == Size)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (index.column()) {
        case Name:
            return row.name;
        case Version:
            return loaded ? row.document->version : qint64(-1);
        case Updated:
            return row.updated;
        case OutOfSync:
            return row.outOfSync;
        case Size:
            return row.bytes;
        }
        return {};
    case ShadowNameRole:
        return row.name;
    case StatusRole:
        return QVariant::fromValue(row.status);
    case VersionRole:
        return loaded ? row.document->version : qint64(0);
    case LastUpdatedRole:
        return row.updated;
    case OutOfSyncRole:
        return row.outOfSync;
    case SizeRole:
        return row.bytes;
    case ErrorRole:
        return row.error;
    }
    return {};
}

QVariant NamedShadowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Shadow");
    case Version:
        return tr("Version");
    case Updated:
        return tr("Updated");
    case OutOfSync:
        return tr("Out of sync");
    case Size:
        return tr("Size");
    }
    return {};
}

void NamedShadowsModel::onNamesArrived(quint64 generation, const Iot::NamedShadowPage &page)
{
    if (generation != m_generation || !m_listing)
        return;
    for (const QString &name : page.names) {
        if (name.isEmpty() || rowOf(name) >= 0)
            continue;
        ensureRow(name);
        m_queue.push_back(name);
    }
    m_nextToken = page.nextToken;
    if (m_nextToken.isEmpty()) {
        m_listing = false;
        m_namesComplete = true;
    }
    Q_EMIT progressChanged();
    if (m_listing)
        requestNames();
    pump();
    settle();
}

void NamedShadowsModel::onNamesFailed(quint64 generation, const QString &message,
                                      const QString &details)
{
    if (generation != m_generation || !m_listing)
        return;
    m_listing = false;
    m_namesError = message;
    m_namesErrorDetails = details;
    Q_EMIT progressChanged();
    settle();
}

void NamedShadowsModel::setDocument(Row &row, const Iot::ShadowDocument &document)
{
    row.document = document;
    row.updated = lastUpdated(document);
    row.bytes = documentBytes(document);
    row.outOfSync = outOfSyncCount(document);
}

void NamedShadowsModel::updateDocument(const QString &shadowName, const Iot::ShadowDocument &document)
{
    const int row = rowOf(shadowName);
    if (row < 0)
        return;
    Row &entry = m_rows[size_t(row)];
    if (entry.status != Status::Loaded || !entry.document || entry.document->version >= document.version)
        return;
    setDocument(entry, document);
    emitRowChanged(row);
}

void NamedShadowsModel::onDocumentArrived(quint64 generation, const QString &shadowName,
                                          const Iot::ShadowDocument &document)
{
    if (generation != m_generation || m_inFlight == 0)
        return;
    --m_inFlight;
    const int row = ensureRow(shadowName);
    Row &entry = m_rows[size_t(row)];
    entry.status = Status::Loaded;
    setDocument(entry, document);
    ++m_loadedCount;
    emitRowChanged(row);
    Q_EMIT progressChanged();
    pump();
    settle();
}

void NamedShadowsModel::onDocumentMissing(quint64 generation, const QString &shadowName)
{
    if (generation != m_generation || m_inFlight == 0)
        return;
    --m_inFlight;
    if (shadowName.isEmpty())
        m_classicMissing = true;
    // A named shadow deleted between the listing and the fetch is gone too.
    const int row = rowOf(shadowName);
    if (row >= 0) {
        beginRemoveRows({}, row, row);
        m_rows.erase(m_rows.begin() + row);
        endRemoveRows();
    }
    Q_EMIT progressChanged();
    pump();
    settle();
}

void NamedShadowsModel::onDocumentFailed(quint64 generation, const QString &shadowName,
                                         const QString &message, const QString &details)
{
    if (generation != m_generation || m_inFlight == 0)
        return;
    --m_inFlight;
    const int row = ensureRow(shadowName);
    Row &entry = m_rows[size_t(row)];
    entry.status = Status::Failed;
    entry.error = message;
    entry.errorDetails = details;
    emitRowChanged(row);
    Q_EMIT progressChanged();
    pump();
    settle();
}

void NamedShadowsModel::start()
{
    if (!m_source || m_thingName.isEmpty()) {
        settle();
        return;
    }
    m_listing = true;
    m_nextToken.clear();
    m_queue.push_back(QString()); // the classic shadow, asked for first
    settle();
    requestNames();
    pump();
}

void NamedShadowsModel::clearRows(const QString &thingName)
{
    beginResetModel();
    m_rows.clear();
    m_thingName = thingName;
    m_loadedCount = 0;
    m_namesError.clear();
    m_namesErrorDetails.clear();
    m_namesComplete = false;
    m_classicMissing = false;
    m_cancelled = false;
    endResetModel();
}

void NamedShadowsModel::abandon()
{
    ++m_generation;
    if (m_source && (m_listing || m_inFlight > 0))
        m_source->cancelAll();
    m_listing = false;
    m_inFlight = 0;
    m_queue.clear();
}

void NamedShadowsModel::requestNames()
{
    const quint64 generation = m_generation;
    m_source->listShadows(m_thingName, m_nextToken, generation);
}

void NamedShadowsModel::pump()
{
    const quint64 generation = m_generation;
    while (m_source && generation == m_generation && m_inFlight < m_maxInFlight
           && !m_queue.empty()) {
        const QString name = m_queue.front();
        m_queue.pop_front();
        ++m_inFlight;
        m_source->fetchDocument(m_thingName, name, generation);
    }
}

void NamedShadowsModel::settle()
{
    const bool loading = m_listing || m_inFlight > 0 || !m_queue.empty();
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

int NamedShadowsModel::ensureRow(const QString &shadowName)
{
    const auto it = std::lower_bound(
        m_rows.cbegin(), m_rows.cend(), shadowName,
        [](const Row &row, const QString &name) { return shadowLess(row.name, name); });
    const int row = int(it - m_rows.cbegin());
    if (it != m_rows.cend() && it->name == shadowName)
        return row;
    beginInsertRows({}, row, row);
    Row entry;
    entry.name = shadowName;
    m_rows.insert(m_rows.begin() + row, std::move(entry));
    endInsertRows();
    return row;
}

void NamedShadowsModel::emitRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}
