// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakepagesource.h"
#include "thingpagesource.h"

#include <QList>
#include <QMap>

#include <utility>

// A ThingPageSource over canned pages, for the model and proxy tests.
using FakeThingPageSource = FakePageSource<ThingPageSource, &Iot::ThingPage::things>;

// Five things in no particular order; two things a page makes three pages.
inline QList<Iot::ThingSummary> fixtureThings()
{
    const auto thing = [](const char *name, const char *type, QMap<QString, QString> attributes) {
        Iot::ThingSummary summary;
        summary.name = QString::fromUtf8(name);
        summary.typeName = QString::fromUtf8(type);
        summary.arn = QStringLiteral("arn:aws:iot:us-east-1:123456789012:thing/") + summary.name;
        summary.attributes = std::move(attributes);
        summary.version = 1;
        return summary;
    };
    return {
        thing("lamp-02", "SmartLamp", { { QStringLiteral("site"), QStringLiteral("paris-2") } }),
        thing("hvac-b2-floor3-01", "Thermostat",
              { { QStringLiteral("site"), QStringLiteral("berlin-1") },
                { QStringLiteral("floor"), QStringLiteral("3") } }),
        thing("door-main", "", {}),
        thing("Lamp-01", "SmartLamp",
              { { QStringLiteral("site"), QStringLiteral("Berlin-1") },
                { QStringLiteral("floor"), QStringLiteral("1") } }),
        thing("sensor-a7", "AirQualitySensor",
              { { QStringLiteral("room"), QStringLiteral("lab") } }),
    };
}
