// SPDX-License-Identifier: GPL-3.0-or-later
#include "retrypolicy.h"

#include "apierror.h"

#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace Iot {

namespace {

// botocore's standard-mode lists (IOT-DATA-PLANE.md section 8).
const QStringList ThrottlingCodes{
    QStringLiteral("Throttling"),
    QStringLiteral("ThrottlingException"),
    QStringLiteral("ThrottledException"),
    QStringLiteral("RequestThrottledException"),
    QStringLiteral("TooManyRequestsException"),
    QStringLiteral("ProvisionedThroughputExceededException"),
    QStringLiteral("TransactionInProgressException"),
    QStringLiteral("RequestLimitExceeded"),
    QStringLiteral("BandwidthLimitExceeded"),
    QStringLiteral("LimitExceededException"),
    QStringLiteral("RequestThrottled"),
    QStringLiteral("SlowDown"),
    QStringLiteral("EC2ThrottledException"),
};

const QStringList TransientCodes{
    QStringLiteral("RequestTimeout"),
    QStringLiteral("RequestTimeoutException"),
    QStringLiteral("PriorRequestNotComplete"),
};

} // namespace

RetryPolicy::RetryPolicy(Random random, int maxAttempts)
    : m_random(random ? std::move(random)
                      : Random([] { return QRandomGenerator::global()->generateDouble(); }))
    , m_maxAttempts(std::max(1, maxAttempts))
{
}

bool RetryPolicy::isThrottlingCode(const QString &code)
{
    return ThrottlingCodes.contains(code);
}

bool RetryPolicy::isRetryable(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::Transport:
    case ApiError::Kind::Timeout:
        return true;
    case ApiError::Kind::Service:
        break;
    case ApiError::Kind::None:
    case ApiError::Kind::Cancelled:
    case ApiError::Kind::Tls:
    case ApiError::Kind::Credentials:
    case ApiError::Kind::ClockSkew:
    case ApiError::Kind::ReadOnly:
        return false;
    }
    // A conflict needs a fresh read and a merge, never a blind resend.
    if (error.httpStatus == 409)
        return false;
    if (isThrottlingCode(error.code) || TransientCodes.contains(error.code))
        return true;
    switch (error.httpStatus) {
    case 429:
    case 500:
    case 502:
    case 503:
    case 504:
        return true;
    default:
        return false;
    }
}

int RetryPolicy::backoffMs(int retry) const
{
    const int capMs = std::min(1000 * (1 << std::clamp(retry - 1, 0, 5)), MaxBackoffMs);
    const double factor = std::clamp(m_random(), 0.0, 1.0);
    return int(std::lround(factor * capMs));
}

std::optional<int> RetryPolicy::acquireRetry(const ApiError &error, int attempt)
{
    if (attempt >= m_maxAttempts || !isRetryable(error))
        return std::nullopt;
    const int cost = error.kind == ApiError::Kind::Timeout ? TimeoutRetryCost : RetryCost;
    if (cost > m_quota)
        return std::nullopt;
    m_quota -= cost;
    return cost;
}

void RetryPolicy::recordSuccess(int attempt, int lastRetryCost)
{
    m_quota = std::min(InitialQuota,
                       m_quota + (attempt <= 1 ? SuccessIncrement : lastRetryCost));
}

} // namespace Iot
