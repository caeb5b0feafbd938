// SPDX-License-Identifier: GPL-3.0-or-later
#include "payloadformat.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>

namespace Payload {

namespace {

constexpr int BytesPerLine = 16;

bool isTextControl(char16_t c)
{
    return (c < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') || c == 0x7f;
}

} // namespace

Kind detectKind(const QByteArray &payload)
{
    if (payload.isEmpty())
        return Kind::Empty;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &error);
    if (error.error == QJsonParseError::NoError && (document.isObject() || document.isArray()))
        return Kind::Json;
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    const QString text = decoder.decode(payload);
    if (decoder.hasError())
        return Kind::Binary;
    for (const QChar c : text) {
        if (isTextControl(c.unicode()))
            return Kind::Binary;
    }
    return Kind::Text;
}

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Empty:
        return QCoreApplication::translate("Payload", "empty");
    case Kind::Json:
        return QCoreApplication::translate("Payload", "JSON");
    case Kind::Text:
        return QCoreApplication::translate("Payload", "UTF-8 text");
    case Kind::Binary:
        return QCoreApplication::translate("Payload", "binary");
    }
    return {};
}

QString hexDump(const QByteArray &payload)
{
    static constexpr char Digits[] = "0123456789abcdef";
    QString dump;
    const qsizetype lines = (payload.size() + BytesPerLine - 1) / BytesPerLine;
    // offset (8) + 2 + 16 * 3 + 1 + 1 + bars (2) + 16 + newline
    dump.reserve(lines * 79);
    for (qsizetype offset = 0; offset < payload.size(); offset += BytesPerLine) {
        dump += QStringLiteral("%1  ").arg(offset, 8, 16, QLatin1Char('0'));
        const qsizetype count = std::min<qsizetype>(BytesPerLine, payload.size() - offset);
        QString ascii;
        for (qsizetype i = 0; i < BytesPerLine; ++i) {
            if (i == BytesPerLine / 2)
                dump += u' ';
            if (i < count) {
                const auto byte = static_cast<unsigned char>(payload.at(offset + i));
                dump += QLatin1Char(Digits[byte >> 4]);
                dump += QLatin1Char(Digits[byte & 0xf]);
                dump += u' ';
                ascii += (byte >= 0x20 && byte < 0x7f) ? QChar(char16_t(byte)) : QChar(u'.');
            } else {
                dump += QLatin1String("   ");
            }
        }
        dump += u' ';
        dump += u'|';
        dump += ascii;
        dump += u'|';
        dump += u'\n';
    }
    return dump;
}

QString prettyJson(const QByteArray &payload)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError || document.isNull())
        return {};
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

} // namespace Payload
