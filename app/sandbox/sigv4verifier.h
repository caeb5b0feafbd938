// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/sigv4signer.h"
#include "shadow/validationerror.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Sandbox {

/** A credential the sandbox accepts. */
struct AccessKey
{
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken; ///< empty: any X-Amz-Security-Token (or none) is accepted
};

/**
 * Verifies AWS Signature Version 4 the way the IoT Data Plane does (IOT-DATA-PLANE.md
 * section 6): an Authorization header or a presigned query, the credential scope, a 5-minute
 * clock window (or X-Amz-Expires for presigned URLs), the session token, X-Amz-Content-Sha256
 * and, last, the signature itself. Every refusal is 403 ForbiddenException with AWS's wording.
 */
class SigV4Verifier
{
public:
    SigV4Verifier(QList<AccessKey> keys, QString region);

    /**
     * Checks the Authorization header or a presigned query of @p request (as received: wire
     * path and query, headers, body) at time @p now; nullopt when valid. @p acceptedServices
     * are the signing names allowed in the scope, e.g. {"iotdata", "iotdevicegateway"}; the
     * first one is the name quoted when the scope names another.
     */
    std::optional<Shadow::ValidationError> verify(const Aws::SignableRequest &request,
                                                  const QDateTime &now,
                                                  const QStringList &acceptedServices) const;

private:
    QList<AccessKey> m_keys;
    QString m_region;
};

} // namespace Sandbox
