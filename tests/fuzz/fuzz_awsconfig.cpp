// SPDX-License-Identifier: GPL-3.0-or-later
// The ~/.aws/config and ~/.aws/credentials parser on any text: every section it lists can be
// read back (field 0: the text; the first byte of field 1 picks the file kind).
#include "aws/awsconfigfile.h"
#include "fuzzinput.h"

#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzInput input(data, size);
    const auto kind = input.field(1).startsWith('c') ? Aws::AwsConfigFile::Kind::Credentials
                                                     : Aws::AwsConfigFile::Kind::Config;
    const Aws::AwsConfigFile file = Aws::AwsConfigFile::parse(QString::fromUtf8(input.field(0)), kind);
    for (const QString &name : file.profileNames())
        FUZZ_ASSERT(file.profile(name).has_value());
    for (const QString &name : file.ssoSessionNames())
        FUZZ_ASSERT(file.ssoSession(name).has_value());
    for (const QString &name : file.servicesNames())
        FUZZ_ASSERT(file.services(name).has_value());
    return 0;
}
