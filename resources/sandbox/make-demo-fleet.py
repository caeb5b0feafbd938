#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate resources/sandbox/demo-fleet.json, the sandbox's demo fleet.

A calm, believable smart-building / light-industrial fleet: four sites, about fifty things
(thermostats, air-quality sensors, lamps, door locks, EV chargers, pumps, energy meters,
gateways), their classic and named shadows, and a few hundred retained topics.

Deterministic (seeded random, standard library only). Run from anywhere:

    python3 resources/sandbox/make-demo-fleet.py            # rewrites demo-fleet.json
    python3 resources/sandbox/make-demo-fleet.py --check    # exit 1 if the file is stale

Seed format: see the emulator's seed loader ({"things", "shadows", "retained"}).
Rules kept here (and asserted before writing): thing and shadow names match
[a-zA-Z0-9:_-]+; desired/reported nest at most 6 levels (the section object is level 1);
no null inside arrays; every shadow's compact {"desired","reported"} stays under 8192 bytes;
retained topics are at most 256 UTF-8 bytes with at most 7 slashes, no + or #, no leading $;
payloads at most 128 KB.
"""

import base64
import json
import random
import re
import struct
import sys
from pathlib import Path

SEED = 20261128
OUT = Path(__file__).resolve().parent / "demo-fleet.json"

MIN = 60
HOUR = 3600
DAY = 86400
WEEK = 7 * DAY

rng = random.Random(SEED)


def r1(x):
    return round(x, 1)


def age_between(lo, hi):
    return rng.randint(lo, hi)


def serial(prefix):
    return "%s-%s-%05d" % (prefix, rng.choice(["24", "25", "26"]), rng.randint(1000, 99999))


def mac():
    return ":".join("%02x" % b for b in [0x02, 0x1A, 0x4F] + [rng.randint(0, 255) for _ in range(3)])


# --------------------------------------------------------------------------------------------
# Sites and buildings. Building ids are unique across the company so thing names are too.

SITES = {
    "berlin-1": {"city": "Berlin", "tz": "Europe/Berlin", "buildings": ["b1", "b2"]},
    "munich-2": {"city": "Munich", "tz": "Europe/Berlin", "buildings": ["m1"]},
    "rotterdam-1": {"city": "Rotterdam", "tz": "Europe/Amsterdam", "buildings": ["r1"]},
    "lyon-1": {"city": "Lyon", "tz": "Europe/Paris", "buildings": ["l1"]},
}
BUILDING_SITE = {b: s for s, v in SITES.items() for b in v["buildings"]}
GATEWAY_OF = {"b1": "gw-b1-01", "b2": "gw-b2-01", "m1": "gw-m1-01", "r1": "gw-r1-01", "l1": "gw-l1-01"}

# (thing type, name, building, floor, zone label)
DEVICES = []


def dev(kind, name, building, floor, zone):
    DEVICES.append({"kind": kind, "name": name, "building": building, "floor": floor, "zone": zone})


for b, floors in (("b1", [1, 2, 3]), ("b2", [1, 2, 3, 4])):
    for f in floors:
        dev("Thermostat", "hvac-%s-floor%d-01" % (b, f), b, f, "open-office")
dev("Thermostat", "hvac-b2-floor3-02", "b2", 3, "meeting-rooms")
dev("Thermostat", "hvac-m1-floor1-01", "m1", 1, "reception")
dev("Thermostat", "hvac-m1-floor2-01", "m1", 2, "open-office")
dev("Thermostat", "hvac-r1-floor0-01", "r1", 0, "warehouse")
dev("Thermostat", "hvac-l1-floor1-01", "l1", 1, "offices")

for b, f in (("b1", 2), ("b2", 1), ("b2", 3), ("b2", 4), ("m1", 1), ("m1", 2), ("r1", 0), ("l1", 0)):
    dev("AirQualitySensor", "aq-%s-floor%d-01" % (b, f), b, f, "general")

for i in range(1, 5):
    dev("SmartLamp", "lamp-b2-floor1-%02d" % i, "b2", 1, "lobby")
dev("SmartLamp", "lamp-b2-floor3-01", "b2", 3, "meeting-rooms")
dev("SmartLamp", "lamp-m1-floor2-01", "m1", 2, "open-office")
dev("SmartLamp", "lamp-m1-floor2-02", "m1", 2, "open-office")
dev("SmartLamp", "lamp-r1-floor0-01", "r1", 0, "loading-dock")

dev("DoorLock", "lock-b1-entrance-01", "b1", 0, "entrance")
dev("DoorLock", "lock-b2-entrance-01", "b2", 0, "entrance")
dev("DoorLock", "lock-b2-serverroom-01", "b2", -1, "server-room")
dev("DoorLock", "lock-m1-entrance-01", "m1", 0, "entrance")
dev("DoorLock", "lock-r1-gate-02", "r1", 0, "yard-gate")

for i in range(1, 4):
    dev("EVCharger", "evc-b2-garage-%02d" % i, "b2", -1, "garage")
dev("EVCharger", "evc-m1-garage-01", "m1", -1, "garage")
dev("EVCharger", "evc-r1-yard-01", "r1", 0, "yard")

dev("Pump", "pump-l1-line1-01", "l1", 0, "line-1")
dev("Pump", "pump-l1-line2-01", "l1", 0, "line-2")
dev("Pump", "pump-l1-line2-02", "l1", 0, "line-2")
dev("Pump", "pump-l1-cooling-01", "l1", 0, "cooling-tower")

dev("EnergyMeter", "meter-b2-main-01", "b2", -1, "switchroom")
dev("EnergyMeter", "meter-m1-main-01", "m1", -1, "switchroom")
dev("EnergyMeter", "meter-l1-main-01", "l1", 0, "substation")

for b, gw in GATEWAY_OF.items():
    dev("Gateway", gw, b, 0 if b not in ("b2", "m1") else -1, "comms-room")

MODELS = {
    "Thermostat": ("Climatix", "TH-340", ["4.1.7", "4.1.7", "4.2.0", "4.2.1"]),
    "AirQualitySensor": ("Aerolab", "AQ-9 Pro", ["2.3.1", "2.3.1", "2.4.0"]),
    "SmartLamp": ("Lumenwerk", "LW-E27-TW", ["1.12.4", "1.12.4", "1.13.0"]),
    "DoorLock": ("Sekura", "SL-500", ["7.0.3", "7.0.3", "7.1.0"]),
    "EVCharger": ("Voltaro", "VC-22 Duo", ["3.8.2", "3.9.0"]),
    "Pump": ("Hydrex", "HX-CP 80", ["5.5.0", "5.5.1"]),
    "EnergyMeter": ("Metrion", "EM-3P", ["2.0.9"]),
    "Gateway": ("Edgebox", "EB-200", ["10.4.2", "10.4.2", "10.5.0"]),
}
SERIAL_PREFIX = {"Thermostat": "CTX", "AirQualitySensor": "AQL", "SmartLamp": "LMW",
                 "DoorLock": "SKR", "EVCharger": "VLT", "Pump": "HYX", "EnergyMeter": "MTR",
                 "Gateway": "EBX"}
LATEST_FW = {"Thermostat": "4.2.1", "AirQualitySensor": "2.4.0", "SmartLamp": "1.13.0",
             "DoorLock": "7.1.0", "EVCharger": "3.9.0", "Pump": "5.5.1", "EnergyMeter": "2.0.9",
             "Gateway": "10.5.0"}

for d in DEVICES:
    vendor, model, fws = MODELS[d["kind"]]
    d["site"] = BUILDING_SITE[d["building"]]
    d["vendor"] = vendor
    d["model"] = model
    d["firmware"] = rng.choice(fws)
    d["serial"] = serial(SERIAL_PREFIX[d["kind"]])
    d["gateway"] = GATEWAY_OF[d["building"]]

things = []
for d in DEVICES:
    attrs = {
        "site": d["site"],
        "building": d["building"],
        "floor": str(d["floor"]),
        "zone": d["zone"],
        "vendor": d["vendor"],
        "model": d["model"],
        "firmware": d["firmware"],
        "serial": d["serial"],
    }
    if d["kind"] != "Gateway":
        attrs["gateway"] = d["gateway"]
    things.append({"thingName": d["name"], "thingTypeName": d["kind"], "attributes": attrs})

# --------------------------------------------------------------------------------------------
# Shadows

shadows = []


def shadow(thing, name=None, desired=None, reported=None, d_age=None, r_age=None, version=None):
    s = {"thingName": thing}
    if name:
        s["shadowName"] = name
    if desired is not None:
        s["desired"] = desired
        s["desiredAgeSeconds"] = d_age if d_age is not None else age_between(HOUR, 3 * WEEK)
    if reported is not None:
        s["reported"] = reported
        s["reportedAgeSeconds"] = r_age if r_age is not None else age_between(5, 15 * MIN)
    s["version"] = version if version is not None else rng.randint(3, 2400)
    shadows.append(s)


def connectivity(d):
    return {"gateway": d["gateway"], "rssiDbm": -rng.randint(48, 79), "linkQuality": rng.randint(180, 255),
            "lastRebootReason": rng.choice(["power-on", "power-on", "watchdog", "ota-update"])}


def firmware_shadow(d, pending):
    cur = d["firmware"]
    rep = {"version": cur, "state": "idle", "bootSlot": rng.choice(["A", "B"]),
           "lastCheck": {"result": "up-to-date" if not pending else "update-available",
                         "channel": "stable"}}
    if pending and cur != LATEST_FW[d["kind"]]:
        new = LATEST_FW[d["kind"]]
        des = {"version": new,
               "url": "https://firmware.example.com/%s/%s/%s.bin" % (d["vendor"].lower(), d["model"].replace(" ", "-").lower(), new),
               "sha256": "%064x" % rng.getrandbits(256),
               "window": {"from": "01:00", "to": "04:00", "tz": SITES[d["site"]]["tz"]}}
        rep["state"] = rng.choice(["downloading", "scheduled"])
        if rep["state"] == "downloading":
            rep["progressPct"] = rng.randint(12, 87)
        shadow(d["name"], "firmware", des, rep, d_age=age_between(20 * MIN, 2 * DAY), r_age=age_between(10, 300))
    else:
        des = {"version": cur}
        shadow(d["name"], "firmware", des, rep, d_age=age_between(2 * WEEK, 6 * WEEK),
               r_age=age_between(HOUR, DAY))


def weekly_schedule(on_c, eco_c):
    return {
        "weekdays": [{"from": "06:30", "to": "09:00", "setpointC": on_c},
                     {"from": "09:00", "to": "18:30", "setpointC": r1(on_c - 0.5)},
                     {"from": "18:30", "to": "06:30", "setpointC": eco_c}],
        "weekend": [{"from": "00:00", "to": "24:00", "setpointC": eco_c}],
        "holidays": ["2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31", "2027-01-01"],
    }


pending_setpoint = {"hvac-b2-floor3-01", "hvac-m1-floor2-01"}
pending_fw = {"hvac-b1-floor2-01", "hvac-b2-floor4-01", "gw-r1-01", "lamp-m1-floor2-02", "evc-b2-garage-02",
              "aq-m1-floor1-01"}

for d in DEVICES:
    n, k = d["name"], d["kind"]
    if k == "Thermostat":
        sp = rng.choice([20.5, 21.0, 21.5, 22.0])
        mode = "cool" if d["zone"] == "warehouse" else "heat"
        fan = {"speed": "auto", "oscillate": False}
        des = {"mode": mode, "setpointC": sp, "fan": fan}
        rep_sp = sp
        if n in pending_setpoint:
            rep_sp = r1(sp - 1.0)
        rep = {"mode": mode, "setpointC": rep_sp, "temperatureC": r1(rep_sp + rng.uniform(-0.6, 0.4)),
               "humidityPct": rng.randint(34, 52), "fan": {"speed": "auto", "oscillate": False, "rpm": rng.randint(600, 1100)},
               "valve": {"positionPct": rng.randint(5, 60), "calibrated": True},
               "connectivity": connectivity(d)}
        d["state"] = dict(rep, desiredSetpointC=sp)
        shadow(n, None, des, rep, d_age=age_between(2 * MIN, 10 * MIN) if n in pending_setpoint else None)
        shadow(n, "config",
               {"reportingIntervalS": 60, "units": "metric", "comfortBand": {"minC": 19.0, "maxC": 24.0},
                "schedule": weekly_schedule(sp, 17.0), "childLock": d["zone"] == "open-office"},
               {"reportingIntervalS": 60, "units": "metric", "comfortBand": {"minC": 19.0, "maxC": 24.0},
                "schedule": weekly_schedule(sp, 17.0), "childLock": d["zone"] == "open-office"},
               d_age=age_between(WEEK, 5 * WEEK), r_age=age_between(WEEK - DAY, WEEK))
        firmware_shadow(d, n in pending_fw)
    elif k == "AirQualitySensor":
        rep = {"co2Ppm": rng.randint(420, 780), "pm2_5": r1(rng.uniform(2, 9)), "pm10": r1(rng.uniform(5, 16)),
               "vocIndex": rng.randint(60, 140), "temperatureC": r1(rng.uniform(20.5, 23.5)),
               "humidityPct": rng.randint(33, 50),
               "battery": {"pct": rng.randint(55, 100), "voltage": r1(rng.uniform(2.9, 3.1)), "charging": False},
               "sensorHealth": {"co2": "ok", "pm": "ok", "voc": "ok", "selfTestPassed": True},
               "connectivity": connectivity(d)}
        d["state"] = rep
        shadow(n, None, None, rep, r_age=age_between(20, 120))  # reported-only
        thresholds = {"co2Ppm": {"warn": 1000, "alarm": 1400}, "pm2_5": {"warn": 25, "alarm": 50},
                      "vocIndex": {"warn": 250, "alarm": 400}}
        shadow(n, "config", {"reportingIntervalS": 120, "thresholds": thresholds, "ledRing": True},
               {"reportingIntervalS": 120, "thresholds": thresholds, "ledRing": True},
               d_age=age_between(2 * WEEK, 6 * WEEK), r_age=age_between(2 * WEEK - DAY, 2 * WEEK))
        if n in pending_fw:
            firmware_shadow(d, True)
    elif k == "SmartLamp":
        on = d["zone"] != "loading-dock" or rng.random() < 0.5
        bri = rng.choice([60, 70, 80, 100])
        ct = rng.choice([3000, 3500, 4000])
        if n == "lamp-r1-floor0-01":
            # Commissioned in the portal, never connected yet: desired-only.
            shadow(n, None, {"on": False, "brightness": 100, "colorTempK": 4000}, None,
                   d_age=age_between(3 * HOUR, 9 * HOUR), version=1)
            shadow(n, "schedule", {"rules": [{"days": ["mon", "tue", "wed", "thu", "fri"], "on": "06:00", "off": "22:00"}],
                                   "astronomical": {"enabled": True, "offsetMin": -15}},
                   None, d_age=age_between(3 * HOUR, 9 * HOUR), version=1)
            continue
        des = {"on": on, "brightness": bri, "colorTempK": ct}
        rep = {"on": on, "brightness": bri, "colorTempK": ct, "powerW": r1(bri * 0.095 if on else 0.3),
               "burnHours": rng.randint(800, 9000), "connectivity": connectivity(d)}
        d["state"] = rep
        if n == "lamp-b2-floor1-03":
            des["brightness"] = 40  # facility manager just dimmed the lobby; lamp not confirmed yet
        shadow(n, None, des, rep, d_age=age_between(30, 90) if n == "lamp-b2-floor1-03" else None)
        shadow(n, "schedule", {"rules": [{"days": ["mon", "tue", "wed", "thu", "fri"], "on": "07:00", "off": "20:00"},
                                         {"days": ["sat"], "on": "09:00", "off": "14:00"}],
                               "astronomical": {"enabled": False, "offsetMin": 0}},
               {"rules": [{"days": ["mon", "tue", "wed", "thu", "fri"], "on": "07:00", "off": "20:00"},
                          {"days": ["sat"], "on": "09:00", "off": "14:00"}],
                "astronomical": {"enabled": False, "offsetMin": 0}},
               d_age=age_between(3 * WEEK, 8 * WEEK), r_age=age_between(3 * WEEK - DAY, 3 * WEEK))
        if n in pending_fw:
            firmware_shadow(d, True)
    elif k == "DoorLock":
        rep = {"locked": True, "doorOpen": False, "tamper": False,
               "battery": {"pct": rng.randint(41, 96), "replaceBy": "2027-%02d" % rng.randint(3, 11)},
               "lastAccess": {"badge": "B-%04d" % rng.randint(100, 9999), "result": "granted",
                              "method": rng.choice(["badge", "badge", "pin"])},
               "connectivity": connectivity(d)}
        d["state"] = rep
        shadow(n, None, {"locked": True, "autoRelockS": 8}, dict(rep, autoRelockS=8))
        groups = ["facility", "it-ops"] if "serverroom" in n else ["staff", "facility", "visitors-daytime"]
        shadow(n, "access", {"groups": groups, "openingHours": {"weekdays": {"from": "07:00", "to": "20:00"}}},
               {"groups": groups, "openingHours": {"weekdays": {"from": "07:00", "to": "20:00"}},
                "cacheEntries": rng.randint(120, 480)},
               d_age=age_between(WEEK, 4 * WEEK), r_age=age_between(WEEK - 2 * HOUR, WEEK))
    elif k == "EVCharger":
        if n == "evc-r1-yard-01":
            # Installed last week, waiting for the electrician's sign-off: desired-only.
            shadow(n, None, {"maxCurrentA": 16, "phases": 3, "authRequired": True, "tariff": "fleet-night"},
                   None, d_age=age_between(5 * DAY, 6 * DAY), version=2)
            continue
        status = rng.choice(["charging", "available", "charging", "finishing"])
        ports = []
        for p in (1, 2):
            st = status if p == 1 else rng.choice(["available", "charging"])
            port = {"port": p, "status": st}
            if st == "charging":
                port["session"] = {"energyKWh": r1(rng.uniform(1.5, 38)), "powerKW": r1(rng.uniform(6.5, 11)),
                                   "vehicle": {"socPct": rng.randint(22, 91), "idTag": "FLEET-%03d" % rng.randint(1, 140)}}
            ports.append(port)
        limit = 32
        des = {"maxCurrentA": 24 if n == "evc-b2-garage-01" else limit, "phases": 3, "authRequired": True,
               "tariff": "fleet-day"}
        rep = {"maxCurrentA": limit, "phases": 3, "authRequired": True, "tariff": "fleet-day", "ports": ports,
               "meter": {"totalKWh": r1(rng.uniform(2000, 19000)), "voltageV": [231, 229, 232]},
               "connectivity": connectivity(d)}
        d["state"] = rep
        shadow(n, None, des, rep, d_age=age_between(40, 200) if n == "evc-b2-garage-01" else None)
        if n in pending_fw:
            firmware_shadow(d, True)
    elif k == "Pump":
        running = n != "pump-l1-line2-02"  # standby pump
        rpm = 1450 if running else 0
        des = {"running": running, "speedRpm": rpm, "mode": "auto" if running else "standby"}
        rep = {"running": running, "speedRpm": rpm - rng.randint(0, 4) if running else 0,
               "mode": des["mode"], "pressureBar": r1(rng.uniform(2.8, 3.6)) if running else 0.0,
               "flowM3h": r1(rng.uniform(18, 42)) if running else 0.0,
               "motor": {"tempC": r1(rng.uniform(48, 66)) if running else 23.0,
                         "currentA": r1(rng.uniform(9, 14)) if running else 0.0, "hours": rng.randint(4000, 31000)},
               "vibration": {"rmsMmS": r1(rng.uniform(1.1, 2.6)) if running else 0.0,
                             "bands": [r1(rng.uniform(0.1, 1.2)) for _ in range(4)]},
               "alarms": []}
        if running and rep["speedRpm"] != rpm:
            rep["speedRpm"] = rpm  # controller reports the setpoint once settled
        d["state"] = rep
        shadow(n, None, des, rep, r_age=age_between(2, 30))
        shadow(n, "maintenance", None,
               {"lastService": {"date": "2026-%02d-%02d" % (rng.randint(6, 10), rng.randint(1, 28)),
                                "by": "Hydrex Service Lyon", "work": ["seal-kit", "bearing-check"]},
                "nextServiceHours": rng.randint(300, 1900)},
               r_age=age_between(3 * WEEK, 9 * WEEK))
    elif k == "EnergyMeter":
        rep = {"phases": [{"l": i, "voltageV": r1(rng.uniform(228, 234)), "currentA": r1(rng.uniform(40, 180)),
                           "powerFactor": round(rng.uniform(0.91, 0.99), 2)} for i in (1, 2, 3)],
               "activePowerKW": r1(rng.uniform(60, 240)), "importKWh": rng.randint(800000, 2900000),
               "exportKWh": rng.randint(0, 40000), "frequencyHz": round(rng.uniform(49.97, 50.03), 2)}
        d["state"] = rep
        shadow(n, None, None, rep, r_age=age_between(5, 60))
    elif k == "Gateway":
        children = sorted(x["name"] for x in DEVICES if x["gateway"] == n and x["name"] != n)
        rep = {"uptimeS": rng.randint(3 * DAY, 90 * DAY), "cpuPct": rng.randint(4, 23), "memPct": rng.randint(31, 58),
               "diskPct": rng.randint(18, 44), "children": children, "childrenOnline": len(children),
               "network": {"wan": {"type": rng.choice(["ethernet", "ethernet", "lte"]), "ip": "10.%d.0.%d" % (rng.randint(10, 40), rng.randint(2, 250)),
                                   "latencyMs": rng.randint(8, 45)},
                           "lan": {"mac": mac(), "vlan": 120}},
               "ntp": {"synced": True, "offsetMs": round(rng.uniform(-3, 3), 2)}}
        d["state"] = rep
        shadow(n, None, {"logLevel": "info", "telemetryIntervalS": 30}, dict(rep, logLevel="info", telemetryIntervalS=30))
        firmware_shadow(d, n in pending_fw)

# One deliberately large diagnostics shadow: close to, but under, the 8 KB document limit.


def big_diagnostics(n_readings):
    r = random.Random(SEED + 1)
    readings = []
    for i in range(n_readings):
        readings.append({"t": -60 * (n_readings - i), "cpu": r.randint(4, 19), "mem": r.randint(38, 46),
                         "rxKbps": r.randint(80, 900), "txKbps": r.randint(40, 400)})
    return {"sampleIntervalS": 60, "window": "last %d minutes" % n_readings, "readings": readings,
            "summary": {"cpu": {"avg": 9.6, "max": 19}, "mem": {"avg": 41.8, "max": 46}, "errors": 0}}


def compact_size(s):
    doc = {}
    if "desired" in s:
        doc["desired"] = s["desired"]
    if "reported" in s:
        doc["reported"] = s["reported"]
    return len(json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))


big = None
for n_readings in range(200, 0, -1):
    cand = {"thingName": "gw-b2-01", "shadowName": "diagnostics", "desired": {"collect": True, "sampleIntervalS": 60},
            "reported": big_diagnostics(n_readings)}
    if compact_size(cand) <= 8150:
        big = cand
        break
big.update({"desiredAgeSeconds": 4 * DAY + 3 * HOUR, "reportedAgeSeconds": 42, "version": 18342})
shadows.append(big)
for gw in ("gw-b1-01", "gw-l1-01"):
    shadows.append({"thingName": gw, "shadowName": "diagnostics", "desired": {"collect": False, "sampleIntervalS": 300},
                    "reported": {"collect": False, "sampleIntervalS": 300, "lastDump": {"reason": "manual", "sizeKB": 412}},
                    "desiredAgeSeconds": age_between(2 * WEEK, 5 * WEEK), "reportedAgeSeconds": age_between(DAY, 2 * WEEK),
                    "version": rng.randint(4, 40)})

# --------------------------------------------------------------------------------------------
# Retained messages

retained = []


def ret(topic, qos=0, age=None, user=None, **payload):
    assert len(payload) == 1
    e = {"topic": topic, "qos": qos}
    e.update(payload)
    if user:
        e["userProperties"] = user
    e["ageSeconds"] = age if age is not None else age_between(3, 20 * MIN)
    retained.append(e)


def base(d):
    return "site/%s/building/%s/floor/%s/%s" % (d["site"], d["building"], d["floor"], d["name"])


TELEMETRY_UP = [{"schema": "telemetry/v2"}]


def up_for(d):
    return [{"schema": "telemetry/v2"}, {"gateway": d["gateway"]}]


def floats_b64(values):
    return base64.b64encode(struct.pack("<%df" % len(values), *values)).decode("ascii")


for d in DEVICES:
    t, k, st = base(d), d["kind"], d.get("state", {})
    if st:
        ret(t + "/status", 1, age=age_between(HOUR, 3 * WEEK), payloadText="online")
    else:
        ret(t + "/status", 1, age=age_between(HOUR, 3 * HOUR), payloadText="provisioned")
    if k == "Thermostat":
        ret(t + "/temperature", 0, user=up_for(d), payloadJson={"value": st["temperatureC"], "unit": "C"})
        ret(t + "/humidity", 0, payloadJson={"value": st["humidityPct"], "unit": "%RH"})
        ret(t + "/setpoint", 1, age=age_between(HOUR, 2 * WEEK),
            payloadJson={"value": st["setpointC"], "unit": "C", "source": rng.choice(["schedule", "app", "bms"])})
        ret(t + "/valve", 0, payloadJson={"positionPct": st["valve"]["positionPct"]})
        ret(t + "/mode", 1, age=age_between(DAY, 4 * WEEK), payloadText=st["mode"])
    elif k == "AirQualitySensor":
        ret(t + "/co2", 0, user=up_for(d), payloadJson={"value": st["co2Ppm"], "unit": "ppm"})
        ret(t + "/pm2_5", 0, payloadJson={"value": st["pm2_5"], "unit": "ug/m3"})
        ret(t + "/pm10", 0, payloadJson={"value": st["pm10"], "unit": "ug/m3"})
        ret(t + "/voc", 0, payloadJson={"index": st["vocIndex"]})
        ret(t + "/battery", 1, age=age_between(HOUR, DAY), payloadText="%d" % st["battery"]["pct"])
        ret(t + "/summary", 0, payloadJson={"iaq": rng.choice(["good", "good", "moderate"]), "co2": "ok", "pm": "ok",
                                            "window": {"minutes": 15, "samples": 15}})
    elif k == "SmartLamp":
        if not st:  # commissioned, never connected: nothing retained yet but its status
            continue
        ret(t + "/state", 1, age=age_between(MIN, 10 * HOUR),
            payloadJson={"on": st["on"], "brightness": st["brightness"], "colorTempK": st["colorTempK"]})
        ret(t + "/power", 0, payloadJson={"watts": st["powerW"]})
        ret(t + "/burn-hours", 0, age=age_between(HOUR, DAY), payloadText=str(st["burnHours"]))
    elif k == "DoorLock":
        ret(t + "/state", 1, age=age_between(MIN, 6 * HOUR), payloadText="locked")
        ret(t + "/door", 1, age=age_between(MIN, 6 * HOUR), payloadText="closed")
        ret(t + "/battery", 1, age=age_between(HOUR, DAY), payloadJson={"pct": rng.randint(41, 96)})
        ret(t + "/last-access", 1, age=age_between(MIN, 6 * HOUR), user=[{"schema": "access/v1"}, {"redacted": "true"}],
            payloadJson={"badge": "B-%04d" % rng.randint(100, 9999), "result": "granted"})
    elif k == "EVCharger":
        if not st:
            continue
        for port in st["ports"]:
            ret(t + "/port%d" % port["port"], 1, payloadJson={"status": port["status"],
                "powerKW": port["session"]["powerKW"] if "session" in port else 0.0})
        ret(t + "/energy", 0, user=up_for(d), payloadJson={"totalKWh": st["meter"]["totalKWh"]})
        ret(t + "/ocpp-heartbeat", 0, payloadText="2.0.1 ok")
    elif k == "Pump":
        ret(t + "/pressure", 0, user=up_for(d), payloadJson={"value": st["pressureBar"], "unit": "bar"})
        ret(t + "/flow", 0, payloadJson={"value": st["flowM3h"], "unit": "m3/h"})
        ret(t + "/speed", 0, payloadJson={"value": st["speedRpm"], "unit": "rpm"})
        ret(t + "/motor-temp", 0, payloadJson={"value": st["motor"]["tempC"], "unit": "C"})
        # 64-bin vibration spectrum as little-endian float32: binary payload
        spectrum = [round(abs(rng.gauss(0.2, 0.08)) + (1.4 if i in (12, 24) else 0.0), 3) for i in range(64)]
        ret(t + "/vibration-spectrum", 0, user=[{"encoding": "f32le"}, {"bins": "64"}, {"hzPerBin": "15.625"}],
            payloadBase64=floats_b64(spectrum))
        ret(t + "/alarms", 1, age=age_between(WEEK, 6 * WEEK), payloadJson={"active": [], "acknowledged": 3})
    elif k == "EnergyMeter":
        ret(t + "/power", 0, user=up_for(d), payloadJson={"activeKW": st["activePowerKW"], "reactiveKVAr": r1(rng.uniform(5, 30))})
        ret(t + "/import", 0, payloadJson={"kWh": st["importKWh"]})
        ret(t + "/voltage", 0, payloadJson={"l%d" % p["l"]: p["voltageV"] for p in st["phases"]})
        ret(t + "/frequency", 0, payloadText="%.2f" % st["frequencyHz"])
        # 96 quarter-hour load profile values as uint16 watts/100: binary
        prof = [int(600 + 900 * max(0.0, min(1.0, (q - 24) / 12.0 if q < 36 else (76 - q) / 12.0))) + rng.randint(0, 40)
                for q in range(96)]
        ret(t + "/load-profile", 1, age=age_between(HOUR, 2 * HOUR), user=[{"encoding": "u16le"}, {"unit": "100W"}],
            payloadBase64=base64.b64encode(struct.pack("<96H", *prof)).decode("ascii"))
    elif k == "Gateway":
        ret(t + "/uptime", 0, payloadText=str(st["uptimeS"]))

for site, v in SITES.items():
    ret("site/%s/weather/outdoor" % site, 0, age=age_between(MIN, 15 * MIN),
        payloadJson={"temperatureC": r1(rng.uniform(-2, 9)), "humidityPct": rng.randint(62, 93),
                     "windKmh": rng.randint(3, 28), "source": "rooftop-station"})
    ret("site/%s/alarms/active" % site, 1, age=age_between(DAY, 3 * WEEK), payloadJson={"count": 0, "items": []})
    for b in v["buildings"]:
        floors = sorted({x["floor"] for x in DEVICES if x["building"] == b})
        ret("site/%s/building/%s/summary" % (site, b), 1, age=age_between(MIN, HOUR),
            payloadJson={"devices": sum(1 for x in DEVICES if x["building"] == b), "online": sum(1 for x in DEVICES if x["building"] == b and "state" in x),
                         "floors": floors, "comfortIndex": rng.randint(86, 97)})
        ret("site/%s/building/%s/hvac/plant" % (site, b), 0,
            payloadJson={"supplyC": r1(rng.uniform(34, 45)), "returnC": r1(rng.uniform(28, 33)), "pumps": "ok"})
        for f in floors:
            ret("site/%s/building/%s/floor/%s/occupancy" % (site, b, f), 0,
                payloadJson={"people": rng.randint(0, 60), "capacity": 80, "sensor": "people-counter"})

for gw in GATEWAY_OF.values():
    ret("gateways/%s/status" % gw, 1, age=age_between(DAY, 6 * WEEK), payloadText="online")
    ret("gateways/%s/heartbeat" % gw, 0, payloadJson={"seq": rng.randint(10000, 900000), "load": [r1(rng.uniform(0.05, 0.6)) for _ in range(3)]})
    ret("gateways/%s/children" % gw, 1, age=age_between(HOUR, WEEK),
        payloadJson={"online": sorted(x["name"] for x in DEVICES if x["gateway"] == gw and x["name"] != gw), "offline": []})
    ret("gateways/%s/network/wan" % gw, 0, payloadJson={"type": rng.choice(["ethernet", "lte"]), "latencyMs": rng.randint(8, 45)})
    ret("gateways/%s/certs/fingerprint" % gw, 1, age=age_between(2 * WEEK, 8 * WEEK),
        payloadBase64=base64.b64encode(bytes(rng.getrandbits(8) for _ in range(32))).decode("ascii"))

# Fleet-wide topics
ret("fleet/announcements/maintenance", 1, age=2 * DAY + 5 * HOUR, user=[{"author": "facility-ops"}],
    payloadText="Planned maintenance: Berlin b2 chillers, Saturday 06:00-10:00 CET. HVAC runs on backup loop.")
ret("fleet/announcements/welcome", 1, age=9 * WEEK, payloadText="Welcome to the Shadowscope demo fleet.")
ret("fleet/announcements/maintenance window 2026-12", 1, age=6 * DAY,
    payloadJson={"sites": ["lyon-1"], "from": "2026-12-12T22:00:00Z", "to": "2026-12-13T04:00:00Z", "impact": "pump line 2 on standby"})
ret("fleet/announcements/firmware/thermostat", 1, age=3 * DAY, user=[{"channel": "stable"}, {"rollout": "staged"}],
    payloadJson={"version": "4.2.1", "rollout": {"stage": 2, "pct": 25}, "notes": ["Faster valve calibration", "Fixes rare sensor drift"]})
ret("fleet/announcements/firmware/gateway", 1, age=5 * DAY,
    payloadJson={"version": "10.5.0", "rollout": {"stage": 1, "pct": 10}, "notes": ["TLS session resumption", "Smaller OTA deltas"]})
ret("fleet/config/telemetry-schema", 1, age=4 * WEEK, payloadJson={"version": 2, "fields": ["value", "unit", "ts"]})
ret("fleet/config/sites", 1, age=3 * WEEK,
    payloadJson={s: {"city": v["city"], "tz": v["tz"], "buildings": v["buildings"]} for s, v in SITES.items()})

# A ~12 KB firmware manifest (one larger payload among many small ones)
manifest = {"product": "TH-340", "version": "4.2.1", "files": []}
for i in range(90):
    manifest["files"].append({"path": "fs/%03d.blk" % i, "size": rng.randint(4096, 65536), "sha256": "%064x" % rng.getrandbits(256)})
ret("fleet/firmware/manifests/th-340", 1, age=3 * DAY, payloadJson=manifest)

# Topics that exercise encoding: spaces, non-ASCII, a literal percent.
ret("site/munich-2/building/m1/floor/2/Besprechungsraum Süd/co2", 0, user=[{"room": "Besprechungsraum Süd"}],
    payloadJson={"value": 655, "unit": "ppm"})
ret("site/berlin-1/building/b2/floor/3/meeting room 3.14/occupancy", 0, payloadJson={"people": 4, "booked": True})
ret("site/berlin-1/building/b2/floor/3/meeting room 3.14/display", 0, payloadText="Sprint review · 14:00–15:00")
ret("site/lyon-1/building/l1/café/menu", 1, age=5 * HOUR, payloadText="Plat du jour : gratin dauphinois, salade verte")
ret("site/lyon-1/building/l1/café/occupancy", 0, payloadJson={"seats": 64, "taken": 23})
ret("reports/energy/savings-vs-baseline-%", 1, age=DAY, payloadText="12.4")
ret("reports/energy/lyon-1/heat recovery 100%", 1, age=2 * DAY, payloadJson={"reached": True, "hours": 312})
ret("reports/occupancy/weekly/berlin-1", 1, age=3 * DAY,
    payloadJson={"week": "2026-W47", "avgPct": 46, "peak": {"day": "tue", "pct": 71}})
ret("reports/occupancy/weekly/munich-2", 1, age=3 * DAY,
    payloadJson={"week": "2026-W47", "avgPct": 39, "peak": {"day": "wed", "pct": 64}})
ret("alerts/lyon-1/pump-l1-line2-02", 1, age=11 * DAY, user=[{"severity": "info"}],
    payloadText="Standby pump exercised for 5 min; all readings nominal.")
ret("alerts/berlin-1/aq-b2-floor4-01", 1, age=6 * HOUR, user=[{"severity": "notice"}],
    payloadJson={"metric": "co2Ppm", "peak": 1080, "durationMin": 12, "cleared": True})

# --------------------------------------------------------------------------------------------
# Validation

NAME_RE = re.compile(r"^[a-zA-Z0-9:_-]+$")


def depth(v):
    if isinstance(v, dict):
        return 1 + max((depth(x) for x in v.values()), default=0)
    if isinstance(v, list):
        return 1 + max((depth(x) for x in v), default=0)
    return 0


def null_in_array(v):
    if isinstance(v, dict):
        return any(null_in_array(x) for x in v.values())
    if isinstance(v, list):
        return any(x is None or null_in_array(x) for x in v)
    return False


def validate(doc):
    names = [t["thingName"] for t in doc["things"]]
    assert len(names) == len(set(names)) and len(names) >= 40
    for t in doc["things"]:
        assert NAME_RE.match(t["thingName"]) and len(t["thingName"]) <= 128, t
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in t["attributes"].items())
    keys = set()
    for s in doc["shadows"]:
        key = (s["thingName"], s.get("shadowName", ""))
        assert key not in keys, key
        keys.add(key)
        assert s["thingName"] in names
        if s.get("shadowName"):
            assert NAME_RE.match(s["shadowName"]) and len(s["shadowName"]) <= 64
        assert "desired" in s or "reported" in s
        for sec in ("desired", "reported"):
            if sec in s:
                assert isinstance(s[sec], dict) and s[sec], (key, sec)
                assert depth(s[sec]) <= 6, (key, sec, depth(s[sec]))
                assert not null_in_array(s[sec]), key
        assert compact_size(s) < 8192, key
    topics = set()
    for r in doc["retained"]:
        tp = r["topic"]
        assert tp not in topics, tp
        topics.add(tp)
        assert 0 < len(tp.encode("utf-8")) <= 256 and tp.count("/") <= 7, tp
        assert "+" not in tp and "#" not in tp and not tp.startswith("$"), tp
        assert r["qos"] in (0, 1)
        kinds = [k for k in ("payloadText", "payloadJson", "payloadBase64") if k in r]
        assert len(kinds) == 1, tp
        if "payloadText" in r:
            size = len(r["payloadText"].encode("utf-8"))
        elif "payloadJson" in r:
            size = len(json.dumps(r["payloadJson"], separators=(",", ":")).encode("utf-8"))
        else:
            size = len(base64.b64decode(r["payloadBase64"], validate=True))
        assert 0 < size <= 128 * 1024, tp
    assert len(topics) >= 300, len(topics)


def render(doc):
    """One entry per line: readable diffs, small file."""
    def line(x):
        return json.dumps(x, ensure_ascii=False, separators=(", ", ": "))
    out = ["{"]
    sections = list(doc.items())
    for i, (key, items) in enumerate(sections):
        out.append(' "%s": [' % key)
        for j, it in enumerate(items):
            out.append("  " + line(it) + ("," if j < len(items) - 1 else ""))
        out.append(" ]" + ("," if i < len(sections) - 1 else ""))
    out.append("}")
    return "\n".join(out) + "\n"


def main():
    doc = {"things": things, "shadows": shadows, "retained": retained}
    validate(doc)
    text = render(doc)
    assert json.loads(text) == doc
    if "--check" in sys.argv[1:]:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print("demo-fleet.json is stale; run make-demo-fleet.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print("%s: %d things, %d shadows, %d retained topics, %d bytes; biggest shadow %d bytes"
          % (OUT.name, len(things), len(shadows), len(retained), len(text.encode("utf-8")),
             max(compact_size(s) for s in shadows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
