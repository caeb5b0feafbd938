# SPDX-License-Identifier: GPL-3.0-or-later
# Packages, made with CPack from the install rules (`cmake --build build --target package`,
# or `installer/setup.sh package` for the release build):
#   Linux    a Debian package (DEB) depending on Debian 12's Qt 6 and QtKeychain runtime
#            packages, and a portable tar.gz (TGZ) of the same tree
#   Windows  an NSIS installer (or WiX: cpack -G WIX) and a zip, with the Qt runtime
#            deployed by windeployqt
#   macOS    a DMG holding Shadowscope.app, with the Qt frameworks deployed by macdeployqt
# installer/README.md says how to build each.
set(CPACK_PACKAGE_NAME shadowscope)
set(CPACK_PACKAGE_VENDOR "The Shadowscope developers")
set(CPACK_PACKAGE_CONTACT "The Shadowscope developers <shadowscope@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "explorer for AWS IoT Core device shadows and retained messages")
# Wrapped for 80-column terminals: dpkg shows each line as it is.
set(CPACK_PACKAGE_DESCRIPTION [[
Shadowscope is a native desktop explorer for AWS IoT Core. It lists an
account's things, their classic and named shadows and the retained MQTT
messages, and shows a shadow as desired, reported and delta with the age of
every value.

It edits shadows as JSON with a preview of the exact update, saves with the
version each edit was based on and resolves conflicts with a three-way merge,
so nothing typed is lost; and it publishes MQTT messages with QoS, retain and
MQTT 5 properties. Credentials come from the aws CLI's profiles; secrets are
kept only in the system keychain.

The package includes shadowscope-sandbox, a local emulator of the AWS IoT
Data Plane API with a demo fleet, so Shadowscope can be tried without an AWS
account.]])
set(CPACK_PACKAGE_HOMEPAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_PACKAGE_INSTALL_DIRECTORY Shadowscope)
set(CPACK_PACKAGE_EXECUTABLES shadowscope Shadowscope)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_CHECKSUM SHA256)

# Qt's deploy tool on both executables (Qt 6.4's qt_generate_deploy_app_script takes one):
# windeployqt copies the Qt DLLs and plugins beside them, with a qt.conf; macdeployqt copies
# the Qt frameworks and plugins and every other non-system library (QtKeychain, libcrypto)
# into the bundle, and points the sandbox inside it at them too.
if(WIN32)
    set(deploy_call "qt6_deploy_runtime_dependencies(
    EXECUTABLE \${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:shadowscope>
    ADDITIONAL_EXECUTABLES \${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:shadowscope-sandbox>
    GENERATE_QT_CONF)")
elseif(APPLE)
    set(deploy_call "qt6_deploy_runtime_dependencies(
    EXECUTABLE $<TARGET_FILE_NAME:shadowscope>.app
    ADDITIONAL_EXECUTABLES $<TARGET_FILE_NAME:shadowscope>.app/Contents/MacOS/$<TARGET_FILE_NAME:shadowscope-sandbox>)")
endif()
if(WIN32 OR APPLE)
    file(GENERATE OUTPUT ${CMAKE_BINARY_DIR}/deploy-qt-$<CONFIG>.cmake
        CONTENT "include(\"${QT_DEPLOY_SUPPORT}\")\n${deploy_call}\n")
    install(SCRIPT ${CMAKE_BINARY_DIR}/deploy-qt-$<CONFIG>.cmake)
endif()

# Debian: a program in /usr/bin finds its libraries in the system's places, not by RUNPATH.
if(UNIX AND NOT APPLE)
    set_target_properties(shadowscope shadowscope-sandbox PROPERTIES INSTALL_RPATH "")
endif()

if(WIN32)
    # What windeployqt does not copy: QtKeychain's DLL, and OpenSSL's (libcrypto for SigV4;
    # libssl for Qt's OpenSSL TLS backend, where it is used instead of Schannel).
    install(IMPORTED_RUNTIME_ARTIFACTS Qt6Keychain::Qt6Keychain RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    get_filename_component(openssl_lib_dir "${OPENSSL_CRYPTO_LIBRARY}" DIRECTORY)
    foreach(dll libcrypto-3-x64 libssl-3-x64)
        find_file(SHADOWSCOPE_${dll}_DLL ${dll}.dll REQUIRED
            HINTS "${OPENSSL_ROOT_DIR}/bin" "${openssl_lib_dir}/../bin" "${openssl_lib_dir}/../../bin")
        install(FILES ${SHADOWSCOPE_${dll}_DLL} DESTINATION ${CMAKE_INSTALL_BINDIR})
    endforeach()
    set(CPACK_GENERATOR NSIS ZIP)
    set(CPACK_NSIS_DISPLAY_NAME Shadowscope)
    set(CPACK_NSIS_PACKAGE_NAME Shadowscope)
    set(CPACK_NSIS_MUI_ICON ${CMAKE_BINARY_DIR}/installer/shadowscope.ico)
    set(CPACK_NSIS_MUI_UNIICON ${CMAKE_BINARY_DIR}/installer/shadowscope.ico)
    set(CPACK_NSIS_INSTALLED_ICON_NAME bin\\\\shadowscope.exe)
    set(CPACK_NSIS_URL_INFO_ABOUT ${PROJECT_HOMEPAGE_URL})
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    # WiX turns a license into RTF only from a .txt, and keeps one upgrade code for every
    # version, so a newer .msi replaces an older one.
    configure_file(${PROJECT_SOURCE_DIR}/LICENSE ${CMAKE_BINARY_DIR}/LICENSE.txt COPYONLY)
    set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_BINARY_DIR}/LICENSE.txt)
    set(CPACK_WIX_UPGRADE_GUID 9C6BF261-6A65-4682-82C2-028698C3A0AD)
    set(CPACK_WIX_PRODUCT_ICON ${CMAKE_BINARY_DIR}/installer/shadowscope.ico)
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
    set(CPACK_DMG_VOLUME_NAME Shadowscope)
    set(CPACK_DMG_FORMAT UDBZ)
else()
    set(CPACK_GENERATOR DEB TGZ)
    set(CPACK_PACKAGE_FILE_NAME
        shadowscope-${PROJECT_VERSION}-${CMAKE_SYSTEM_NAME}-${CMAKE_SYSTEM_PROCESSOR})
    string(TOLOWER "${CPACK_PACKAGE_FILE_NAME}" CPACK_PACKAGE_FILE_NAME)
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SECTION devel)
    set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
    # The shared libraries (Qt, QtKeychain, libcrypto) as dpkg-shlibdeps finds them; the xcb
    # platform plugin comes with libqt6gui6, the Wayland one with qt6-wayland. A Secret
    # Service keeps the keychain: GNOME's or KDE's.
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | libkf5wallet-bin, qt6-wayland")
    set(CPACK_DEBIAN_PACKAGE_SUGGESTS awscli)
    set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
endif()
# `package_source`: the sources without build trees and editor state.
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/build[^/]*/" "/\\.cache/" "\\.user$" "__pycache__")

include(CPack)
