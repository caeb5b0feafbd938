// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's request handling (SandboxBackend, what its HTTP front end calls) on any
// sequence of operations with any names, bodies, tokens and sizes; its state survives being
// saved and loaded. Fields, three per operation: the operation (its first byte), a name
// ("thing/shadow", a topic or a page token), a body or payload.
#include "fuzzinput.h"
#include "sandbox/sandboxbackend.h"

#include <cstdio>

namespace {

const QDateTime Now = QDateTime::fromString(QStringLiteral("2026-11-28T12:00:00Z"), Qt::ISODate);

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzInput input(data, size);
    Sandbox::SandboxBackend backend([] { return Now; }, QStringLiteral("us-east-1"));
    for (qsizetype i = 0; i + 2 < input.count() && i < 3 * 64; i += 3) {
        const QByteArray op = input.field(i);
        const QString name = QString::fromUtf8(input.field(i + 1));
        const QByteArray body = input.field(i + 2);
        const QString thing = name.section(u'/', 0, 0);
        const QString shadow = name.section(u'/', 1);
        const int number = int(body.size()) - 1;
        switch (op.isEmpty() ? 0 : uchar(op.at(0)) % 9) {
        case 0:
            backend.getThingShadow(thing, shadow);
            break;
        case 1: {
            const Sandbox::Result result = backend.updateThingShadow(thing, shadow, body);
            if (std::holds_alternative<QJsonObject>(result)) {
                // What an accepted update answers is what a read then gives (version and all).
                const Sandbox::Result read = backend.getThingShadow(thing, shadow);
                FUZZ_ASSERT(std::holds_alternative<QJsonObject>(read));
                FUZZ_ASSERT(std::get<QJsonObject>(read).value(QLatin1String("version"))
                            == std::get<QJsonObject>(result).value(QLatin1String("version")));
            }
            break;
        }
        case 2:
            backend.deleteThingShadow(thing, shadow);
            break;
        case 3:
            backend.listNamedShadowsForThing(thing, QString::fromUtf8(body), number);
            break;
        case 4:
            backend.listRetainedMessages(name, number);
            break;
        case 5:
            backend.getRetainedMessage(name);
            break;
        case 6: {
            Sandbox::PublishOptions options;
            options.qos = op.size() > 1 ? uchar(op.at(1)) % 3 : 0;
            options.retain = op.size() > 2 && (uchar(op.at(2)) & 1);
            options.userPropertiesHeader = op.mid(3);
            backend.publish(name, body, options);
            break;
        }
        case 7: {
            Sandbox::ListThingsQuery query;
            query.maxResults = number;
            query.nextToken = name;
            query.attributeName = QString::fromUtf8(body);
            backend.listThings(query);
            break;
        }
        default: {
            QString error;
            backend.loadSeed(input.object(i + 2), &error);
            break;
        }
        }
    }
    // Saved and loaded, the state is the same.
    const QJsonObject saved = backend.toJson();
    Sandbox::SandboxBackend loaded([] { return Now; }, QStringLiteral("us-east-1"));
    QString error;
    if (!loaded.fromJson(saved, &error))
        std::fprintf(stderr, "fromJson: %s\n", qPrintable(error));
    FUZZ_ASSERT(error.isEmpty());
    FUZZ_ASSERT(loaded.toJson() == saved);
    return 0;
}
