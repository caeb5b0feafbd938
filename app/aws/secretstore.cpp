// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

namespace Aws {

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{
}

SecretStore::~SecretStore() = default;

} // namespace Aws
