# SPDX-License-Identifier: GPL-3.0-or-later
# `shadowscope --sandbox DIR --thing T --screenshot FILE` on a new directory: the demo fleet
# is seeded, the window connects through the signed client path, lists the demo fleet's
# things and retained topics, opens the thing on its shadows, and a PNG of it is written.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(
    COMMAND "${SHADOWSCOPE}" --sandbox "${WORK_DIR}/sandbox" --thing hvac-b2-floor3-01
        --screenshot "${WORK_DIR}/window.png"
    RESULT_VARIABLE status
    OUTPUT_VARIABLE output
    TIMEOUT 60)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "shadowscope --screenshot exited with ${status}")
endif()
# The render waits for the first pages of things (the demo fleet fits in one page) and topics
# (the second of two pages may have come too) and for the thing's shadows (a classic and two
# named ones).
if(NOT output MATCHES "\nthings: 50 things\nretained: (338 topics|200 topics, more as you scroll)\nshadows: 3 shadows\n")
    message(FATAL_ERROR "the panes had not loaded the demo fleet:\n${output}")
endif()
file(READ "${WORK_DIR}/window.png" signature LIMIT 8 HEX)
if(NOT signature STREQUAL "89504e470d0a1a0a")
    message(FATAL_ERROR "window.png is not a PNG (${signature})")
endif()
if(NOT EXISTS "${WORK_DIR}/sandbox/store.json")
    message(FATAL_ERROR "the sandbox did not keep its state in the given directory")
endif()
