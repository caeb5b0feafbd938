// SPDX-License-Identifier: GPL-3.0-or-later
#include "validationerror.h"

namespace Shadow {

ValidationError invalidRequest(const QString &message)
{
    return ValidationError{400, QStringLiteral("InvalidRequestException"), message};
}

} // namespace Shadow
