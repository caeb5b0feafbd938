// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxserver.h"

#include "faultplan.h"
#include "sandboxbackend.h"
#include "sandboxstore.h"
#include "selfsignedcertificate.h"
#include "sigv4verifier.h"

#include "aws/httpdate.h"
#include "aws/sigv4signer.h"

#include <QAbstractHttpServer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QLockFile>
#include <QPointer>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSslKey>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <cstdio>
#include <limits>

namespace Sandbox {

namespace {

const QStringList DataPlaneServices{QStringLiteral("iotdata"), QStringLiteral("iotdevicegateway")};
const QStringList ControlPlaneServices{QStringLiteral("iot"), QStringLiteral("execute-api")};

// The emulated operations and their routes. In a path, {thing} and {topic} are labels: one
// still-encoded segment each, decoded once after the split on '/'.
struct OperationSpec
{
    const char *name;
    QByteArrayView method;
    QList<QByteArrayView> path;
    bool controlPlane;
};
const OperationSpec Operations[] = {
    {"GetThingShadow", "GET", {"things", "{thing}", "shadow"}, false},
    {"UpdateThingShadow", "POST", {"things", "{thing}", "shadow"}, false},
    {"DeleteThingShadow", "DELETE", {"things", "{thing}", "shadow"}, false},
    {"ListNamedShadowsForThing", "GET",
     {"api", "things", "shadow", "ListNamedShadowsForThing", "{thing}"}, false},
    {"ListRetainedMessages", "GET", {"retainedMessage"}, false},
    {"GetRetainedMessage", "GET", {"retainedMessage", "{topic}"}, false},
    {"Publish", "POST", {"topics", "{topic}"}, false},
    {"ListThings", "GET", {"things"}, true},
    {"DescribeEndpoint", "GET", {"endpoint"}, true},
};

Shadow::ValidationError error(int status, const char *code, const QString &message)
{
    return {status, QString::fromLatin1(code), message};
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put: return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete: return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post: return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head: return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options: return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch: return QByteArrayLiteral("PATCH");
    default: return QByteArrayLiteral("OTHER");
    }
}

// A page in a browser that rebinds its own host name to 127.0.0.1 still sends that name.
bool isLoopbackHost(const QByteArray &hostHeader)
{
    QByteArray host = hostHeader;
    if (host.startsWith('[')) // [::1]:port
        host = host.mid(1, host.indexOf(']') - 1);
    else if (host.count(':') == 1)
        host = host.left(host.indexOf(':'));
    return host.compare("localhost", Qt::CaseInsensitive) == 0
        || QHostAddress(QString::fromLatin1(host)).isLoopback();
}

QByteArray header(const QHttpServerRequest &request, QByteArrayView name)
{
    return Aws::headerValue(request.headers(), name).value_or(QByteArray());
}

// The query's parameters by decoded name. An empty value stays an empty (not null) string:
// "name=" names a shadow "", which is invalid, not the classic shadow.
QMultiMap<QString, QString> parseQuery(const QByteArray &encodedQuery)
{
    QMultiMap<QString, QString> query;
    const QList<Aws::QueryParameter> parameters = Aws::parseQuery(encodedQuery);
    for (const Aws::QueryParameter &parameter : parameters) {
        const QString value = QString::fromUtf8(parameter.value);
        query.insert(QString::fromUtf8(parameter.name), value.isNull() ? QStringLiteral("") : value);
    }
    return query;
}

// A bounded integer query parameter, with the validation message AWS's front end uses.
std::optional<Shadow::ValidationError> intParameter(const QMultiMap<QString, QString> &query,
                                                    const QString &name, qint64 min, qint64 max,
                                                    int *value)
{
    if (!query.contains(name))
        return std::nullopt;
    const QString text = query.value(name);
    bool ok = false;
    const qlonglong number = text.toLongLong(&ok);
    if (!ok || number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max())
        return Shadow::invalidRequest(
            QStringLiteral("1 validation error detected: Value '%1' at '%2' failed to satisfy "
                           "constraint: Member must be a number").arg(text, name));
    if (number < min || number > max)
        return Shadow::invalidRequest(
            QStringLiteral("1 validation error detected: Value '%1' at '%2' failed to satisfy "
                           "constraint: Member must have value %3 %4")
                .arg(text, name,
                     number < min ? QStringLiteral("greater than or equal to")
                                  : QStringLiteral("less than or equal to"))
                .arg(number < min ? min : max));
    *value = static_cast<int>(number);
    return std::nullopt;
}

QString randomText(const char *alphabet, int length)
{
    const QByteArray characters(alphabet);
    QString text;
    for (int i = 0; i < length; ++i)
        text.append(QChar::fromLatin1(
            characters.at(QRandomGenerator::system()->bounded(characters.size()))));
    return text;
}

bool writePrivateFile(const QString &path, const QByteArray &contents, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = SandboxServer::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(contents);
    if (!file.commit()) {
        *error = SandboxServer::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<QByteArray> readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = SandboxServer::tr("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

} // namespace

/** What one request gets back: a status and JSON body, or an AWS error. */
struct SandboxServer::Reply
{
    int status = 200;
    QByteArray body;
    QByteArray errorType; ///< x-amzn-ErrorType, for errors

    static Reply json(const QJsonObject &object)
    {
        return {200, QJsonDocument(object).toJson(QJsonDocument::Compact), {}};
    }
    static Reply fromError(const Shadow::ValidationError &error, const QByteArray &requestId)
    {
        const QJsonObject body{{QStringLiteral("message"), error.message},
                               {QStringLiteral("traceId"), QString::fromLatin1(requestId)}};
        return {error.httpStatus, QJsonDocument(body).toJson(QJsonDocument::Compact),
                error.code.toLatin1() + ':'};
    }
    static Reply fromResult(const Result &result, const QByteArray &requestId)
    {
        if (const auto *failure = std::get_if<Shadow::ValidationError>(&result))
            return fromError(*failure, requestId);
        return json(std::get<QJsonObject>(result));
    }
};

/** A request matched to an operation, with its labels and query decoded. */
struct SandboxServer::Route
{
    QString operation;
    bool controlPlane = false;
    QString thingName;
    QString topic;
    QMultiMap<QString, QString> query;
};

class SandboxServer::HttpFrontend final : public QAbstractHttpServer
{
public:
    explicit HttpFrontend(SandboxServer *server)
        : m_server(server)
    {
    }

    using QAbstractHttpServer::makeResponder;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        m_server->handleRequest(request, socket);
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override { }

private:
    SandboxServer *m_server;
};

SandboxServer::SandboxServer(QObject *parent)
    : QObject(parent)
{
}

SandboxServer::~SandboxServer() = default;

QStringList SandboxServer::operationNames()
{
    QStringList names;
    for (const OperationSpec &operation : Operations)
        names.append(QString::fromLatin1(operation.name));
    return names;
}

QDateTime SandboxServer::now() const
{
    return m_options.pinnedClock ? *m_options.pinnedClock : QDateTime::currentDateTimeUtc();
}

bool SandboxServer::start(const ServerOptions &options, QString *error)
{
    m_options = options;
    if (!m_options.address.isLoopback()) {
        *error = tr("the sandbox only listens on a loopback address, not %1")
                     .arg(m_options.address.toString());
        return false;
    }
    if (!m_options.dataDir.isEmpty()) {
        if (!QDir().mkpath(m_options.dataDir)) {
            *error = tr("cannot create the data directory %1").arg(m_options.dataDir);
            return false;
        }
        // One sandbox per data directory: two would overwrite each other's store.
        m_lock = std::make_unique<QLockFile>(QDir(m_options.dataDir).filePath(QStringLiteral("lock")));
        if (!m_lock->tryLock(0)) {
            *error = tr("%1 is in use by another sandbox").arg(m_options.dataDir);
            return false;
        }
    }
    if (!setUpCredentials(error) || !setUpState(error) || !setUpFaults(error))
        return false;
    m_http = std::make_unique<HttpFrontend>(this);
    if (m_options.tls && !setUpTls(error))
        return false;
    m_port = m_http->listen(m_options.address, m_options.port);
    if (m_port == 0) {
        *error = tr("cannot listen on %1 port %2")
                     .arg(m_options.address.toString()).arg(m_options.port);
        return false;
    }
    return true;
}

bool SandboxServer::setUpFaults(QString *error)
{
    m_faults = std::make_unique<FaultPlan>();
    const QString spec = m_options.faults.trimmed();
    if (spec.isEmpty())
        return true;
    QByteArray text = spec.toUtf8();
    if (!spec.startsWith(u'{')) {
        const auto contents = readFile(spec, error);
        if (!contents)
            return false;
        text = *contents;
    }
    QString reason;
    const auto plan = parseFaultPlan(text, &reason);
    if (!plan) {
        *error = tr("invalid fault plan: %1").arg(reason);
        return false;
    }
    *m_faults = *plan;
    return true;
}

std::optional<FaultPlan> SandboxServer::parseFaultPlan(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        *error = parseError.error != QJsonParseError::NoError
            ? parseError.errorString()
            : QStringLiteral("a fault plan is a JSON object");
        return std::nullopt;
    }
    return FaultPlan::fromJson(document.object(), operationNames(), error);
}

bool SandboxServer::setUpCredentials(QString *error)
{
    if (!m_options.accessKeyId.isEmpty() || !m_options.secretAccessKey.isEmpty()) {
        if (m_options.accessKeyId.isEmpty() || m_options.secretAccessKey.isEmpty()) {
            *error = tr("give both an access key and a secret key");
            return false;
        }
    } else {
        // Generated once per data directory (kept by --fresh, which discards only the state),
        // so profiles that point at this sandbox keep working across restarts.
        const QString path = m_options.dataDir.isEmpty()
            ? QString()
            : QDir(m_options.dataDir).filePath(QStringLiteral("credentials.json"));
        if (!path.isEmpty() && QFile::exists(path)) {
            const auto contents = readFile(path, error);
            if (!contents)
                return false;
            const QJsonObject keys = QJsonDocument::fromJson(*contents).object();
            m_options.accessKeyId = keys.value(QStringLiteral("accessKeyId")).toString();
            m_options.secretAccessKey = keys.value(QStringLiteral("secretAccessKey")).toString();
        }
        if (m_options.accessKeyId.isEmpty() || m_options.secretAccessKey.isEmpty()) {
            m_options.accessKeyId =
                QStringLiteral("AKIASBX") + randomText("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 13);
            m_options.secretAccessKey = randomText(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 40);
            const QJsonObject keys{{QStringLiteral("accessKeyId"), m_options.accessKeyId},
                                   {QStringLiteral("secretAccessKey"), m_options.secretAccessKey}};
            if (!path.isEmpty() && !writePrivateFile(path, QJsonDocument(keys).toJson(), error))
                return false;
        }
    }
    m_verifier = std::make_unique<SigV4Verifier>(
        QList<AccessKey>{{m_options.accessKeyId, m_options.secretAccessKey, m_options.sessionToken}},
        m_options.region);
    return true;
}

bool SandboxServer::setUpState(QString *error)
{
    Shadow::Limits limits;
    limits.maxDepth = m_options.maxDepth;
    m_backend = std::make_unique<SandboxBackend>([this] { return now(); }, m_options.region, limits);
    bool isNew = true;
    if (!m_options.dataDir.isEmpty()) {
        m_store = std::make_unique<SandboxStore>(m_backend.get(), m_options.dataDir);
        connect(m_store.get(), &SandboxStore::saveFailed, this, [](const QString &reason) {
            std::fprintf(stderr, "shadowscope-sandbox: %s\n", qPrintable(reason));
        });
        if (m_options.fresh && !m_store->remove(error))
            return false;
        if (m_store->exists()) {
            if (!m_store->load(error))
                return false;
            isNew = false;
        }
    }
    if (!isNew || (m_options.seedFile.isEmpty() && !m_options.demo))
        return true;
    const QString seedPath =
        m_options.demo ? QStringLiteral(":/sandbox/demo-fleet.json") : m_options.seedFile;
    const auto contents = readFile(seedPath, error);
    if (!contents)
        return false;
    QJsonParseError parseError;
    const QJsonDocument seed = QJsonDocument::fromJson(*contents, &parseError);
    QString reason = parseError.errorString();
    if (!seed.isObject() || !m_backend->loadSeed(seed.object(), &reason)) {
        *error = tr("invalid seed %1: %2").arg(seedPath, reason);
        return false;
    }
    return m_store ? m_store->save(error) : true;
}

bool SandboxServer::setUpTls(QString *error)
{
    std::optional<QByteArray> certificatePem;
    std::optional<QByteArray> keyPem;
    if (!m_options.certificateFile.isEmpty() || !m_options.keyFile.isEmpty()) {
        certificatePem = readFile(m_options.certificateFile, error);
        keyPem = certificatePem ? readFile(m_options.keyFile, error) : std::nullopt;
        m_certificatePath = m_options.certificateFile;
    } else {
        // Generated once per data directory, so a client can keep trusting it.
        const QString dir = m_options.dataDir.isEmpty()
            ? QString()
            : QDir(m_options.dataDir).filePath(QStringLiteral("tls"));
        const QString certificatePath = QDir(dir).filePath(QStringLiteral("sandbox-cert.pem"));
        const QString keyPath = QDir(dir).filePath(QStringLiteral("sandbox-key.pem"));
        if (!dir.isEmpty() && QFile::exists(certificatePath) && QFile::exists(keyPath)) {
            certificatePem = readFile(certificatePath, error);
            keyPem = certificatePem ? readFile(keyPath, error) : std::nullopt;
        } else {
            const auto pair = generateSelfSignedCertificate(error);
            if (!pair)
                return false;
            certificatePem = pair->certificate;
            keyPem = pair->privateKey;
            if (!dir.isEmpty()
                && (!QDir().mkpath(dir)
                    || !writePrivateFile(certificatePath, *certificatePem, error)
                    || !writePrivateFile(keyPath, *keyPem, error)))
                return false;
        }
        if (!dir.isEmpty())
            m_certificatePath = certificatePath;
    }
    if (!keyPem)
        return false;
    m_certificate = QSslCertificate(*certificatePem, QSsl::Pem);
    QSslKey key(*keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(*keyPem, QSsl::Rsa, QSsl::Pem);
    if (m_certificate.isNull() || key.isNull()) {
        *error = tr("the TLS certificate or key is not a PEM certificate and EC or RSA key");
        return false;
    }
    m_http->sslSetup(m_certificate, key);
    return true;
}

QUrl SandboxServer::endpoint() const
{
    QUrl url;
    url.setScheme(m_options.tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_options.address.toString());
    url.setPort(m_port);
    return url;
}

QString SandboxServer::region() const { return m_options.region; }
QString SandboxServer::accessKeyId() const { return m_options.accessKeyId; }
QString SandboxServer::secretAccessKey() const { return m_options.secretAccessKey; }
QSslCertificate SandboxServer::certificate() const { return m_certificate; }
QString SandboxServer::certificatePath() const { return m_certificatePath; }
QString SandboxServer::storePath() const { return m_store ? m_store->filePath() : QString(); }
SandboxBackend *SandboxServer::backend() const { return m_backend.get(); }

bool SandboxServer::flush(QString *error)
{
    return m_store ? m_store->save(error) : true;
}

void SandboxServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    const QByteArray requestId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    QString operation;
    std::optional<Fault> fault;
    Reply reply;
    const auto routed = route(request, requestId);
    if (const auto *refused = std::get_if<Reply>(&routed)) {
        reply = *refused;
    } else {
        const Route &target = std::get<Route>(routed);
        operation = target.operation;
        // A request the service would refuse never reaches the fault plan: faults count only
        // requests that would have run. A throttled, failed or reset request changes nothing.
        const auto rejected = authenticate(target, request);
        if (!rejected)
            fault = m_faults->next(operation);
        if (fault && fault->kind == Fault::Kind::Reset) {
            QMetaObject::invokeMethod(socket, &QTcpSocket::abort, Qt::QueuedConnection);
            return;
        }
        reply = rejected ? Reply::fromError(*rejected, requestId)
            : fault && fault->kind == Fault::Kind::Status ? faultReply(fault->status, requestId)
                                                          : execute(target, request, requestId);
    }
    respond(request, socket, reply, requestId, fault);

    if (m_options.verbose)
        std::fprintf(stderr, "%s %s -> %d %s (%lld ms)\n", methodName(request.method()).constData(),
                     request.url().path(QUrl::FullyEncoded).toUtf8().constData(), reply.status,
                     qPrintable(operation.isEmpty() ? QStringLiteral("-") : operation),
                     static_cast<long long>(timer.elapsed()));
}

void SandboxServer::respond(const QHttpServerRequest &request, QTcpSocket *socket,
                            const Reply &reply, const QByteArray &requestId,
                            const std::optional<Fault> &fault)
{
    const bool truncate = fault && fault->kind == Fault::Kind::Truncate;
    const int delayMs = fault && fault->kind == Fault::Kind::Latency ? fault->delayMs : 0;
    auto responder = std::make_shared<QHttpServerResponder>(
        HttpFrontend::makeResponder(request, socket));
    const QPointer<QTcpSocket> guard(socket);
    auto write = [this, responder, guard, reply, requestId, truncate] {
        // A delayed answer to a client that has gone away is dropped.
        if (!guard || guard->state() != QAbstractSocket::ConnectedState)
            return;
        responder->writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
        responder->writeHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
        responder->writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(reply.body.size()));
        responder->writeHeader(QByteArrayLiteral("x-amzn-RequestId"), requestId);
        responder->writeHeader(QByteArrayLiteral("Date"), Aws::formatHttpDate(now()));
        if (!reply.errorType.isEmpty())
            responder->writeHeader(QByteArrayLiteral("x-amzn-ErrorType"), reply.errorType);
        if (truncate) {
            responder->writeBody(reply.body.left(reply.body.size() / 2));
            guard->flush();
            guard->disconnectFromHost();
            return;
        }
        responder->writeBody(reply.body);
    };
    if (delayMs > 0)
        QTimer::singleShot(delayMs, this, write);
    else
        write();
}

SandboxServer::Reply SandboxServer::faultReply(int status, const QByteArray &requestId)
{
    static const QHash<int, std::pair<const char *, const char *>> types{
        {429, {"ThrottlingException", "Rate exceeded"}},
        {500, {"InternalFailureException", "Internal service failure"}},
        {503, {"ServiceUnavailableException", "Service unavailable"}},
    };
    const auto [type, message] = types.value(status);
    return Reply::fromError(error(status, type, QString::fromLatin1(message)), requestId);
}

std::variant<SandboxServer::Route, SandboxServer::Reply>
SandboxServer::route(const QHttpServerRequest &request, const QByteArray &requestId)
{
    const auto fail = [&requestId](int status, const char *code, const QString &message) {
        return Reply::fromError(error(status, code, message), requestId);
    };
    const QByteArray method = methodName(request.method());
    const QByteArray encodedPath = request.url().path(QUrl::FullyEncoded).toLatin1();
    const QList<QByteArray> segments = encodedPath.mid(1).split('/');
    const bool admin = segments.value(0) == "_sandbox" && m_options.adminApi;
    // What needs no signature (the admin path, everything under --no-auth) answers only
    // requests addressed to a loopback name, so a web page whose host name was rebound to
    // 127.0.0.1 cannot use it. Signed requests may name any host: the signature covers it,
    // and the section 6.7 vectors sign an AWS host name.
    if ((admin || !m_options.auth) && !isLoopbackHost(header(request, "host")))
        return fail(403, "ForbiddenException",
                    QStringLiteral("The sandbox answers unsigned requests only when they are "
                                   "addressed to 127.0.0.1, ::1 or localhost"));
    if (admin)
        return handleAdmin(request, requestId);

    bool pathMatched = false;
    for (const OperationSpec &spec : Operations) {
        if (spec.path.size() != segments.size())
            continue;
        Route target;
        bool matches = true;
        for (qsizetype i = 0; matches && i < segments.size(); ++i) {
            const QString label = QString::fromUtf8(QByteArray::fromPercentEncoding(segments[i]));
            if (spec.path[i] == "{thing}")
                target.thingName = label;
            else if (spec.path[i] == "{topic}")
                target.topic = label;
            else
                matches = spec.path[i] == segments[i];
        }
        if (!matches)
            continue;
        pathMatched = true;
        if (spec.method != method)
            continue;
        target.operation = QString::fromLatin1(spec.name);
        target.controlPlane = spec.controlPlane;
        target.query = parseQuery(request.url().query(QUrl::FullyEncoded).toLatin1());
        return target;
    }
    if (pathMatched)
        return fail(405, "MethodNotAllowedException",
                    QStringLiteral("The method %1 is not allowed on this resource")
                        .arg(QString::fromLatin1(method)));
    return fail(404, "ResourceNotFoundException", QStringLiteral("Not Found"));
}

std::optional<Shadow::ValidationError> SandboxServer::authenticate(const Route &target,
                                                                  const QHttpServerRequest &request) const
{
    if (!m_options.auth)
        return std::nullopt;
    const Aws::SignableRequest signable{methodName(request.method()),
                                        request.url().path(QUrl::FullyEncoded).toLatin1(),
                                        request.url().query(QUrl::FullyEncoded).toLatin1(),
                                        request.headers(), request.body()};
    return m_verifier->verify(signable, now(),
                              target.controlPlane ? ControlPlaneServices : DataPlaneServices);
}

SandboxServer::Reply SandboxServer::execute(const Route &target, const QHttpServerRequest &request,
                                            const QByteArray &requestId)
{
    const QString &operation = target.operation;
    const QMultiMap<QString, QString> &query = target.query;
    const QString nextToken = query.value(QStringLiteral("nextToken"));
    // Absent: the classic shadow (a null string); present, even empty: a named one.
    const QString shadowName =
        query.contains(QStringLiteral("name")) ? query.value(QStringLiteral("name")) : QString();
    const auto run = [&]() -> Result {
        if (operation == QLatin1String("GetThingShadow"))
            return m_backend->getThingShadow(target.thingName, shadowName);
        if (operation == QLatin1String("UpdateThingShadow"))
            return m_backend->updateThingShadow(target.thingName, shadowName, request.body());
        if (operation == QLatin1String("DeleteThingShadow"))
            return m_backend->deleteThingShadow(target.thingName, shadowName);
        if (operation == QLatin1String("ListNamedShadowsForThing")) {
            int pageSize = 100;
            if (auto invalid = intParameter(query, QStringLiteral("pageSize"), 1, 100, &pageSize))
                return *invalid;
            return m_backend->listNamedShadowsForThing(target.thingName, nextToken, pageSize);
        }
        if (operation == QLatin1String("ListRetainedMessages")) {
            int maxResults = 200;
            if (auto invalid = intParameter(query, QStringLiteral("maxResults"), 1, 200, &maxResults))
                return *invalid;
            return m_backend->listRetainedMessages(nextToken, maxResults);
        }
        if (operation == QLatin1String("GetRetainedMessage"))
            return m_backend->getRetainedMessage(target.topic);
        if (operation == QLatin1String("Publish"))
            return publish(target, request);
        if (operation == QLatin1String("ListThings")) {
            ListThingsQuery things;
            if (auto invalid = intParameter(query, QStringLiteral("maxResults"), 1, 250, &things.maxResults))
                return *invalid;
            things.nextToken = nextToken;
            things.attributeName = query.value(QStringLiteral("attributeName"));
            things.attributeValue = query.value(QStringLiteral("attributeValue"));
            things.usePrefixAttributeValue =
                query.value(QStringLiteral("usePrefixAttributeValue")) == QLatin1String("true");
            things.thingTypeName = query.value(QStringLiteral("thingTypeName"));
            return m_backend->listThings(things);
        }
        return m_backend->describeEndpoint(query.value(QStringLiteral("endpointType")));
    };
    return Reply::fromResult(run(), requestId);
}

Result SandboxServer::publish(const Route &target, const QHttpServerRequest &request)
{
    const QMultiMap<QString, QString> &query = target.query;
    PublishOptions options;
    // Any integer reaches the backend, which explains that only QoS 0 and 1 exist.
    if (auto invalid = intParameter(query, QStringLiteral("qos"), std::numeric_limits<int>::min(),
                                    std::numeric_limits<int>::max(), &options.qos))
        return *invalid;
    const QString retain = query.value(QStringLiteral("retain"), QStringLiteral("false"));
    if (retain != QLatin1String("true") && retain != QLatin1String("false"))
        return Shadow::invalidRequest(
            QStringLiteral("retain must be true or false, not '%1'").arg(retain));
    options.retain = retain == QLatin1String("true");
    options.userPropertiesHeader = header(request, "x-amz-mqtt5-user-properties");
    options.payloadFormatIndicator = header(request, "x-amz-mqtt5-payload-format-indicator");
    options.responseTopic = query.value(QStringLiteral("responseTopic"));
    if (query.contains(QStringLiteral("messageExpiry"))) {
        bool ok = false;
        options.messageExpirySeconds = query.value(QStringLiteral("messageExpiry")).toLongLong(&ok);
        if (!ok)
            return Shadow::invalidRequest(QStringLiteral("messageExpiry must be a number of seconds"));
    }
    return m_backend->publish(target.topic, request.body(), options);
}

SandboxServer::Reply SandboxServer::handleAdmin(const QHttpServerRequest &request,
                                                const QByteArray &requestId)
{
    const QByteArray path = request.url().path(QUrl::FullyEncoded).toLatin1();
    if (path != "/_sandbox/faults")
        return Reply::fromError(error(404, "ResourceNotFoundException", QStringLiteral("Not Found")),
                                requestId);
    if (request.method() == QHttpServerRequest::Method::Delete) {
        *m_faults = FaultPlan();
        return Reply::json({});
    }
    if (request.method() != QHttpServerRequest::Method::Put)
        return Reply::fromError(
            error(405, "MethodNotAllowedException",
                  QStringLiteral("Use PUT to set the fault plan, DELETE to clear it")),
            requestId);
    QString reason;
    const auto plan = parseFaultPlan(request.body(), &reason);
    if (!plan)
        return Reply::fromError(
            Shadow::invalidRequest(QStringLiteral("invalid fault plan: %1").arg(reason)), requestId);
    *m_faults = *plan;
    return Reply::json({});
}

} // namespace Sandbox
