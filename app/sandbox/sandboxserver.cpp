// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxserver.h"

#include "faultplan.h"
#include "sandboxbackend.h"
#include "sandboxstore.h"
#include "selfsignedcertificate.h"

#include "aws/sigv4signer.h"

#include <QAbstractHttpServer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QLocale>
#include <QPointer>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSslKey>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <cstdio>

namespace Sandbox {

namespace {

const QStringList DataPlaneServices{QStringLiteral("iotdata"), QStringLiteral("iotdevicegateway")};
const QStringList ControlPlaneServices{QStringLiteral("iot"), QStringLiteral("execute-api")};

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

QByteArray header(const QHttpServerRequest &request, QByteArrayView name)
{
    const auto headers = request.headers();
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// RFC 7231 IMF-fixdate, for the Date header clients use to estimate clock skew.
QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
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
                                                    const QString &name, int min, int max,
                                                    int *value)
{
    if (!query.contains(name))
        return std::nullopt;
    const QString text = query.value(name);
    bool ok = false;
    const qlonglong number = text.toLongLong(&ok);
    if (!ok)
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
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(contents);
    if (!file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<QByteArray> readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
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

QDateTime SandboxServer::now() const
{
    return m_options.pinnedClock ? *m_options.pinnedClock : QDateTime::currentDateTimeUtc();
}

bool SandboxServer::start(const ServerOptions &options, QString *error)
{
    m_options = options;
    if (!m_options.dataDir.isEmpty() && !QDir().mkpath(m_options.dataDir)) {
        *error = tr("cannot create the data directory %1").arg(m_options.dataDir);
        return false;
    }
    if (!setUpCredentials(error) || !setUpState(error))
        return false;
    m_faults = std::make_unique<FaultPlan>();
    if (!m_options.faults.isEmpty()) {
        const QString spec = m_options.faults.trimmed();
        QByteArray text = spec.toUtf8();
        if (!spec.startsWith(u'{')) {
            const auto contents = readFile(spec, error);
            if (!contents)
                return false;
            text = *contents;
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
        QString reason = parseError.errorString();
        const auto plan = document.isObject() ? FaultPlan::fromJson(document.object(), &reason)
                                              : std::nullopt;
        if (!plan) {
            *error = tr("invalid fault plan: %1").arg(reason);
            return false;
        }
        *m_faults = *plan;
    }
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

bool SandboxServer::setUpCredentials(QString *error)
{
    if (!m_options.accessKeyId.isEmpty() || !m_options.secretAccessKey.isEmpty()) {
        if (m_options.accessKeyId.isEmpty() || m_options.secretAccessKey.isEmpty()) {
            *error = tr("give both an access key and a secret key");
            return false;
        }
    } else {
        // Generated once per data directory, so a restarted sandbox keeps its key pair.
        const QString path = m_options.dataDir.isEmpty()
            ? QString()
            : QDir(m_options.dataDir).filePath(QStringLiteral("credentials.json"));
        if (!path.isEmpty() && QFile::exists(path) && !m_options.fresh) {
            const auto contents = readFile(path, error);
            if (!contents)
                return false;
            const QJsonObject keys = QJsonDocument::fromJson(*contents).object();
            m_options.accessKeyId = keys.value(QStringLiteral("accessKeyId")).toString();
            m_options.secretAccessKey = keys.value(QStringLiteral("secretAccessKey")).toString();
        }
        if (m_options.accessKeyId.isEmpty() || m_options.secretAccessKey.isEmpty()) {
            m_options.accessKeyId = QStringLiteral("AKIASBX") + randomText("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 13);
            m_options.secretAccessKey = randomText(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 40);
            const QJsonObject keys{{QStringLiteral("accessKeyId"), m_options.accessKeyId},
                                   {QStringLiteral("secretAccessKey"), m_options.secretAccessKey}};
            if (!path.isEmpty()
                && !writePrivateFile(path, QJsonDocument(keys).toJson(), error))
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
    QByteArray certificatePem;
    QByteArray keyPem;
    if (!m_options.certificateFile.isEmpty() || !m_options.keyFile.isEmpty()) {
        const auto certificate = readFile(m_options.certificateFile, error);
        const auto key = certificate ? readFile(m_options.keyFile, error) : std::nullopt;
        if (!key)
            return false;
        certificatePem = *certificate;
        keyPem = *key;
        m_certificatePath = m_options.certificateFile;
    } else {
        // Generated once per data directory, so a client can keep trusting it.
        const QString dir = m_options.dataDir.isEmpty()
            ? QString()
            : QDir(m_options.dataDir).filePath(QStringLiteral("tls"));
        const QString certificatePath = QDir(dir).filePath(QStringLiteral("sandbox-cert.pem"));
        const QString keyPath = QDir(dir).filePath(QStringLiteral("sandbox-key.pem"));
        if (!dir.isEmpty() && QFile::exists(certificatePath) && QFile::exists(keyPath)) {
            certificatePem = readFile(certificatePath, error).value_or(QByteArray());
            keyPem = readFile(keyPath, error).value_or(QByteArray());
        } else {
            const auto pair = generateSelfSignedCertificate(error);
            if (!pair)
                return false;
            certificatePem = pair->certificate;
            keyPem = pair->privateKey;
            if (!dir.isEmpty()
                && (!QDir().mkpath(dir)
                    || !writePrivateFile(certificatePath, certificatePem, error)
                    || !writePrivateFile(keyPath, keyPem, error)))
                return false;
        }
        if (!dir.isEmpty())
            m_certificatePath = certificatePath;
    }
    m_certificate = QSslCertificate(certificatePem, QSsl::Pem);
    QSslKey key(keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem);
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
QString SandboxServer::sessionToken() const { return m_options.sessionToken; }
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
    const auto routed = route(request, requestId);
    QString operation;
    std::optional<Fault> fault;
    Reply reply;
    if (const auto *refused = std::get_if<Reply>(&routed)) {
        reply = *refused;
    } else {
        // Faults apply to the emulated operations only, never to the admin path or bad
        // routes. A throttled, failed or reset request changes nothing.
        const Route &target = std::get<Route>(routed);
        operation = target.operation;
        fault = m_faults->next(operation);
        if (fault && fault->kind == Fault::Kind::Reset) {
            QMetaObject::invokeMethod(socket, &QTcpSocket::abort, Qt::QueuedConnection);
            return;
        }
        reply = fault && fault->kind == Fault::Kind::Status ? faultReply(fault->status, requestId)
                                                             : execute(target, request, requestId);
    }

    const bool truncate = fault && fault->kind == Fault::Kind::Truncate;
    const int delayMs = fault && fault->kind == Fault::Kind::Latency ? fault->delayMs : 0;
    auto responder = std::make_shared<QHttpServerResponder>(
        HttpFrontend::makeResponder(request, socket));
    const QPointer<QTcpSocket> guard(socket);
    auto write = [this, responder, guard, reply, requestId, truncate] {
        if (!guard)
            return;
        responder->writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
        responder->writeHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
        responder->writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(reply.body.size()));
        responder->writeHeader(QByteArrayLiteral("x-amzn-RequestId"), requestId);
        responder->writeHeader(QByteArrayLiteral("Date"), httpDate(now()));
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

    if (m_options.verbose)
        std::fprintf(stderr, "%s %s -> %d %s (%lld ms)\n", methodName(request.method()).constData(),
                     request.url().path(QUrl::FullyEncoded).toUtf8().constData(), reply.status,
                     qPrintable(operation.isEmpty() ? QStringLiteral("-") : operation),
                     static_cast<long long>(timer.elapsed()));
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
    const QByteArray method = methodName(request.method());
    const QByteArray encodedPath = request.url().path(QUrl::FullyEncoded).toLatin1();
    const QByteArray encodedQuery = request.url().query(QUrl::FullyEncoded).toLatin1();
    const QList<QByteArray> segments = encodedPath.mid(1).split('/');
    const auto label = [&segments](qsizetype i) {
        return QString::fromUtf8(QByteArray::fromPercentEncoding(segments.at(i)));
    };
    const auto fail = [&requestId](int status, const char *code, const QString &message) {
        return Reply::fromError(error(status, code, message), requestId);
    };

    if (segments.value(0) == "_sandbox")
        return handleAdmin(request, requestId);

    // Route on the raw path: each label is decoded once, after splitting on '/'.
    QStringList allowed;
    Route target;
    QString *operation = &target.operation;
    bool &controlPlane = target.controlPlane;
    QString &thingName = target.thingName;
    QString &topic = target.topic;
    const auto n = segments.size();
    if (n == 3 && segments[0] == "things" && segments[2] == "shadow") {
        allowed = {QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("DELETE")};
        thingName = label(1);
        *operation = method == "GET"    ? QStringLiteral("GetThingShadow")
                   : method == "POST"   ? QStringLiteral("UpdateThingShadow")
                   : method == "DELETE" ? QStringLiteral("DeleteThingShadow")
                                        : QString();
    } else if (n == 5 && segments[0] == "api" && segments[1] == "things" && segments[2] == "shadow"
               && segments[3] == "ListNamedShadowsForThing") {
        allowed = {QStringLiteral("GET")};
        thingName = label(4);
        *operation = QStringLiteral("ListNamedShadowsForThing");
    } else if (n == 1 && segments[0] == "retainedMessage") {
        allowed = {QStringLiteral("GET")};
        *operation = QStringLiteral("ListRetainedMessages");
    } else if (n == 2 && segments[0] == "retainedMessage") {
        allowed = {QStringLiteral("GET")};
        topic = label(1);
        *operation = QStringLiteral("GetRetainedMessage");
    } else if (n == 2 && segments[0] == "topics") {
        allowed = {QStringLiteral("POST")};
        topic = label(1);
        *operation = QStringLiteral("Publish");
    } else if (n == 1 && segments[0] == "things") {
        allowed = {QStringLiteral("GET")};
        controlPlane = true;
        *operation = QStringLiteral("ListThings");
    } else if (n == 1 && segments[0] == "endpoint") {
        allowed = {QStringLiteral("GET")};
        controlPlane = true;
        *operation = QStringLiteral("DescribeEndpoint");
    } else {
        return fail(404, "ResourceNotFoundException", QStringLiteral("Not Found"));
    }
    if (!allowed.contains(QString::fromLatin1(method))) {
        return fail(405, "MethodNotAllowedException",
                    QStringLiteral("The method %1 is not allowed on this resource")
                        .arg(QString::fromLatin1(method)));
    }
    return target;
}

SandboxServer::Reply SandboxServer::execute(const Route &target, const QHttpServerRequest &request,
                                            const QByteArray &requestId)
{
    const QByteArray method = methodName(request.method());
    const QByteArray encodedPath = request.url().path(QUrl::FullyEncoded).toLatin1();
    const QByteArray encodedQuery = request.url().query(QUrl::FullyEncoded).toLatin1();
    const QString *operation = &target.operation;
    const QString &thingName = target.thingName;
    const QString &topic = target.topic;
    const auto fail = [&requestId](int status, const char *code, const QString &message) {
        return Reply::fromError(error(status, code, message), requestId);
    };
    if (m_options.auth) {
        Aws::SignableRequest signable{method, encodedPath, encodedQuery, request.headers(),
                                      request.body()};
        if (auto rejected = m_verifier->verify(
                signable, now(), target.controlPlane ? ControlPlaneServices : DataPlaneServices))
            return Reply::fromError(*rejected, requestId);
    }

    const QMultiMap<QString, QString> query = parseQuery(encodedQuery);
    const QString shadowName = query.contains(QStringLiteral("name"))
        ? query.value(QStringLiteral("name"))
        : QString();
    const QString nextToken = query.value(QStringLiteral("nextToken"));

    if (*operation == QLatin1String("GetThingShadow"))
        return Reply::fromResult(m_backend->getThingShadow(thingName, shadowName), requestId);
    if (*operation == QLatin1String("UpdateThingShadow"))
        return Reply::fromResult(m_backend->updateThingShadow(thingName, shadowName, request.body()),
                                 requestId);
    if (*operation == QLatin1String("DeleteThingShadow"))
        return Reply::fromResult(m_backend->deleteThingShadow(thingName, shadowName), requestId);
    if (*operation == QLatin1String("ListNamedShadowsForThing")) {
        int pageSize = 100;
        if (auto invalid = intParameter(query, QStringLiteral("pageSize"), 1, 100, &pageSize))
            return Reply::fromError(*invalid, requestId);
        return Reply::fromResult(m_backend->listNamedShadowsForThing(thingName, nextToken, pageSize),
                                 requestId);
    }
    if (*operation == QLatin1String("ListRetainedMessages")) {
        int maxResults = 200;
        if (auto invalid = intParameter(query, QStringLiteral("maxResults"), 1, 200, &maxResults))
            return Reply::fromError(*invalid, requestId);
        return Reply::fromResult(m_backend->listRetainedMessages(nextToken, maxResults), requestId);
    }
    if (*operation == QLatin1String("GetRetainedMessage"))
        return Reply::fromResult(m_backend->getRetainedMessage(topic), requestId);
    if (*operation == QLatin1String("Publish")) {
        PublishOptions options;
        // Any QoS number reaches the backend, which explains why 2 is refused.
        if (auto invalid = intParameter(query, QStringLiteral("qos"), 0, 255, &options.qos))
            return Reply::fromError(*invalid, requestId);
        const QString retain = query.value(QStringLiteral("retain"), QStringLiteral("false"));
        if (retain != QLatin1String("true") && retain != QLatin1String("false"))
            return fail(400, "InvalidRequestException",
                        QStringLiteral("retain must be true or false, not '%1'").arg(retain));
        options.retain = retain == QLatin1String("true");
        options.userPropertiesHeader = header(request, "x-amz-mqtt5-user-properties");
        options.payloadFormatIndicator = header(request, "x-amz-mqtt5-payload-format-indicator");
        options.responseTopic = query.value(QStringLiteral("responseTopic"));
        if (query.contains(QStringLiteral("messageExpiry"))) {
            bool ok = false;
            options.messageExpirySeconds = query.value(QStringLiteral("messageExpiry")).toLongLong(&ok);
            if (!ok)
                return fail(400, "InvalidRequestException",
                            QStringLiteral("messageExpiry must be a number of seconds"));
        }
        return Reply::fromResult(m_backend->publish(topic, request.body(), options), requestId);
    }
    if (*operation == QLatin1String("ListThings")) {
        ListThingsQuery things;
        if (auto invalid = intParameter(query, QStringLiteral("maxResults"), 1, 250, &things.maxResults))
            return Reply::fromError(*invalid, requestId);
        things.nextToken = nextToken;
        things.attributeName = query.value(QStringLiteral("attributeName"));
        things.attributeValue = query.value(QStringLiteral("attributeValue"));
        things.usePrefixAttributeValue =
            query.value(QStringLiteral("usePrefixAttributeValue")) == QLatin1String("true");
        things.thingTypeName = query.value(QStringLiteral("thingTypeName"));
        return Reply::fromResult(m_backend->listThings(things), requestId);
    }
    return Reply::fromResult(m_backend->describeEndpoint(query.value(QStringLiteral("endpointType"))),
                             requestId);
}

SandboxServer::Reply SandboxServer::handleAdmin(const QHttpServerRequest &request,
                                                const QByteArray &requestId)
{
    const QByteArray path = request.url().path(QUrl::FullyEncoded).toLatin1();
    if (path != "/_sandbox/faults")
        return Reply::fromError(error(404, "ResourceNotFoundException", QStringLiteral("Not Found")), requestId);
    if (request.method() == QHttpServerRequest::Method::Delete) {
        *m_faults = FaultPlan();
        return Reply::json({});
    }
    if (request.method() != QHttpServerRequest::Method::Put)
        return Reply::fromError(error(405, "MethodNotAllowedException",
                                      QStringLiteral("Use PUT to set the fault plan, DELETE to clear it")), requestId);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
    QString reason = parseError.errorString();
    const auto plan = document.isObject() ? FaultPlan::fromJson(document.object(), &reason)
                                          : std::nullopt;
    if (!plan)
        return Reply::fromError(Shadow::invalidRequest(tr("invalid fault plan: %1").arg(reason)), requestId);
    *m_faults = *plan;
    return Reply::json({});
}

} // namespace Sandbox
