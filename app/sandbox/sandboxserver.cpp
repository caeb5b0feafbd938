// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxserver.h"

namespace Sandbox {

SandboxServer::SandboxServer(QObject *parent)
    : QObject(parent)
{
}

} // namespace Sandbox
