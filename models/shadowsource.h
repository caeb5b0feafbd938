// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "iot/iottypes.h"

#include <QObject>
#include <QString>

/**
 * Where NamedShadowsModel (and ShadowView) get a thing's shadow names and documents from: the
 * services implement it over ListNamedShadowsForThing and GetThingShadow, a test with canned
 * answers. Keeps models/ free of network code.
 *
 * Every request carries a @p generation that its answer repeats, so the caller can drop an
 * answer it no longer wants (STYLE.md rule 8). Any number of requests may be in flight at
 * once; the caller bounds them. Answers may be given at once (inside the request) or later
 * from the event loop.
 * @see NamedShadowsModel
 */
class ShadowSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /**
     * Asks for the page of @p thingName's named shadows after @p nextToken (empty: the first
     * page); answered with namesArrived() or namesFailed().
     */
    virtual void listShadows(const QString &thingName, const QString &nextToken,
                             quint64 generation) = 0;
    /**
     * Asks for the document of @p shadowName (empty: the classic shadow) of @p thingName;
     * answered with documentArrived(), documentMissing() or documentFailed().
     */
    virtual void fetchDocument(const QString &thingName, const QString &shadowName,
                               quint64 generation) = 0;
    /** Abandons every request in flight; none of them is answered. */
    virtual void cancelAll() = 0;

Q_SIGNALS:
    void namesArrived(quint64 generation, const Iot::NamedShadowPage &page);
    /** @p message is for the user (translated); @p details has everything the error held. */
    void namesFailed(quint64 generation, const QString &message, const QString &details);
    void documentArrived(quint64 generation, const QString &shadowName,
                         const Iot::ShadowDocument &document);
    /** The shadow does not exist (404 ResourceNotFoundException). */
    void documentMissing(quint64 generation, const QString &shadowName);
    void documentFailed(quint64 generation, const QString &shadowName, const QString &message,
                        const QString &details);
};
