// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

class QSettings;

namespace Settings {

/**
 * Sets the application name everything per-user derives from (QStandardPaths locations such
 * as ~/.local/share/shadowscope). main() calls it first; so do tests that must write where
 * the application writes.
 */
void applyApplicationIdentity();

/**
 * The application's settings file (~/.config/shadowscope/shadowscope.conf on Linux). It
 * never holds a secret: those live in the SecretStore.
 * @see Aws::SecretStore
 */
std::unique_ptr<QSettings> openUserSettings();

} // namespace Settings
