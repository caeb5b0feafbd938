// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTest>

// Asks a paged model for pages until the last one arrived or a request failed.
template<typename Model> void loadAll(Model &model)
{
    for (;;) {
        if (model.canFetchMore({}))
            model.fetchMore({});
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 5000);
        if (!model.canFetchMore({}))
            return;
    }
}

// The rows of a test run with a source answering at once or queued (@p Mode's AtOnce and
// Queued), the model tester fetching more or not.
template<typename Mode> void addAnswerModes()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<bool>("testerFetchesMore");
    QTest::newRow("at once, tester fetches") << Mode::AtOnce << true;
    QTest::newRow("at once, tester does not fetch") << Mode::AtOnce << false;
    QTest::newRow("queued, tester fetches") << Mode::Queued << true;
    QTest::newRow("queued, tester does not fetch") << Mode::Queued << false;
}
