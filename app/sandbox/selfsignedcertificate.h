// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Sandbox {

/** A certificate and its private key, PEM encoded. */
struct PemPair
{
    QByteArray certificate;
    QByteArray privateKey;
};

/**
 * A self-signed certificate (ECDSA P-256, SHA-256) for the loopback addresses: subject
 * alternative names 127.0.0.1, ::1 and localhost, valid from an hour ago for 825 days. It is
 * an end-entity certificate (CA:FALSE): trusting it trusts this server and nothing else.
 */
std::optional<PemPair> generateSelfSignedCertificate(QString *error);

} // namespace Sandbox
