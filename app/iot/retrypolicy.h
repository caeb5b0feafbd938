// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>
#include <optional>

namespace Iot {

struct ApiError;

/**
 * The AWS SDKs' standard retry mode (IOT-DATA-PLANE.md section 8), pure: at most 3 attempts,
 * full-jitter exponential backoff capped at 20 s, and a retry quota of 500 tokens shared by
 * every call of one executor (a retry costs 5, or 10 after a timeout; a first-try success
 * earns 1; a retried call that finally succeeds returns its last retry's cost). Throttling,
 * 5xx, transport failures and timeouts are retried; other 4xx (a 409 above all) never are.
 * The random source is injected so tests can fix the backoff.
 */
class RetryPolicy final
{
public:
    /** Uniform in [0, 1]. */
    using Random = std::function<double()>;

    static constexpr int DefaultMaxAttempts = 3;
    static constexpr int InitialQuota = 500;
    static constexpr int RetryCost = 5;
    static constexpr int TimeoutRetryCost = 10;
    static constexpr int SuccessIncrement = 1;
    static constexpr int MaxBackoffMs = 20000;

    /** @p random defaults to QRandomGenerator::global(); @p maxAttempts counts the first. */
    explicit RetryPolicy(Random random = {}, int maxAttempts = DefaultMaxAttempts);

    /** True for the failures standard mode retries. */
    static bool isRetryable(const ApiError &error);

    /** True for the throttling error codes of standard mode (ThrottlingException, ...). */
    static bool isThrottlingCode(const QString &code);

    /** The wait before retry @p retry (1-based): rand(0,1) × min(2^(retry−1), 20) s, in ms. */
    int backoffMs(int retry) const;

    /**
     * After attempt @p attempt (1-based) failed with @p error: the tokens a retry takes from
     * the quota (already taken), or nullopt when the call must not be retried (not
     * retryable, the last attempt, or the quota is spent).
     */
    std::optional<int> acquireRetry(const ApiError &error, int attempt);

    /** A call succeeded on attempt @p attempt; @p lastRetryCost is what its last retry took. */
    void recordSuccess(int attempt, int lastRetryCost);

    int quota() const { return m_quota; }
    int maxAttempts() const { return m_maxAttempts; }

private:
    Random m_random;
    int m_maxAttempts;
    int m_quota = InitialQuota;
};

} // namespace Iot
