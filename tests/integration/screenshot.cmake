# SPDX-License-Identifier: GPL-3.0-or-later
# `shadowscope --sandbox DIR --screenshot FILE` on a new directory: the demo fleet is seeded,
# the window connects through the signed client path, and a PNG of it is written.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(
    COMMAND "${SHADOWSCOPE}" --sandbox "${WORK_DIR}/sandbox" --screenshot "${WORK_DIR}/window.png"
    RESULT_VARIABLE status
    TIMEOUT 60)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "shadowscope --screenshot exited with ${status}")
endif()
file(READ "${WORK_DIR}/window.png" signature LIMIT 8 HEX)
if(NOT signature STREQUAL "89504e470d0a1a0a")
    message(FATAL_ERROR "window.png is not a PNG (${signature})")
endif()
if(NOT EXISTS "${WORK_DIR}/sandbox/store.json")
    message(FATAL_ERROR "the sandbox did not keep its state in the given directory")
endif()
