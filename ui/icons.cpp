// SPDX-License-Identifier: GPL-3.0-or-later
#include "icons.h"

#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>

namespace {

// A monochrome SVG painted in the palette's colour for the mode, cached per size and colour.
class TintedIconEngine final : public QIconEngine
{
public:
    explicit TintedIconEngine(QString path)
        : m_path(std::move(path))
        , m_shape(m_path)
    {
    }

    QIconEngine *clone() const override { return new TintedIconEngine(m_path); }
    QString key() const override { return QStringLiteral("shadowscope-tinted"); }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawPixmap(rect, scaledPixmap(rect.size() * scale, mode, state, scale));
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    // As QIcon::pixmap() calls it: @p pixels already multiplied by @p scale.
    QPixmap scaledPixmap(const QSize &pixels, QIcon::Mode mode, QIcon::State, qreal scale) override
    {
        const QPalette palette = QGuiApplication::palette();
        const QColor colour = palette.color(
            mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active,
            mode == QIcon::Selected ? QPalette::HighlightedText : QPalette::ButtonText);
        const QString cacheKey = QStringLiteral("%1@%2x%3#%4")
                                     .arg(m_path)
                                     .arg(pixels.width())
                                     .arg(pixels.height())
                                     .arg(colour.rgba(), 8, 16);
        QPixmap tinted;
        if (QPixmapCache::find(cacheKey, &tinted))
            return tinted;
        QImage image = m_shape.pixmap(pixels).toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&image);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(image.rect(), colour);
        painter.end();
        tinted = QPixmap::fromImage(std::move(image));
        tinted.setDevicePixelRatio(scale);
        QPixmapCache::insert(cacheKey, tinted);
        return tinted;
    }

private:
    QString m_path;
    QIcon m_shape; ///< the SVG as drawn (black), rendered by Qt's SVG icon engine
};

} // namespace

namespace Icons {

QIcon themed(const QString &name)
{
    if (QIcon::hasThemeIcon(name))
        return QIcon::fromTheme(name);
    return QIcon(new TintedIconEngine(QStringLiteral(":/icons/actions/%1.svg").arg(name)));
}

} // namespace Icons
