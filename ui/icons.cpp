// SPDX-License-Identifier: GPL-3.0-or-later
#include "icons.h"

#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace {

/**
 * An SVG drawn by QSvgRenderer at the size asked for, cached per size (and colour). Tinted,
 * a monochrome shape is painted in the palette's colour for the mode. Drawing the SVG here
 * rather than through Qt's SVG icon engine plugin leaves no plugin to deploy.
 */
class SvgIconEngine final : public QIconEngine
{
public:
    enum class Tint { None, Palette };

    SvgIconEngine(QString path, Tint tint)
        : m_path(std::move(path))
        , m_tint(tint)
        , m_renderer(m_path)
    {
    }

    QIconEngine *clone() const override { return new SvgIconEngine(m_path, m_tint); }
    QString key() const override { return QStringLiteral("shadowscope-svg"); }

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
        const QColor colour = m_tint == Tint::None
            ? QColor()
            : palette.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active,
                            mode == QIcon::Selected ? QPalette::HighlightedText : QPalette::ButtonText);
        const QString cacheKey = QStringLiteral("%1@%2x%3#%4")
                                     .arg(m_path)
                                     .arg(pixels.width())
                                     .arg(pixels.height())
                                     .arg(colour.rgba(), 8, 16);
        QPixmap drawn;
        if (QPixmapCache::find(cacheKey, &drawn))
            return drawn;
        QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        m_renderer.render(&painter);
        if (m_tint == Tint::Palette) {
            painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
            painter.fillRect(image.rect(), colour);
        }
        painter.end();
        drawn = QPixmap::fromImage(std::move(image));
        drawn.setDevicePixelRatio(scale);
        QPixmapCache::insert(cacheKey, drawn);
        return drawn;
    }

private:
    QString m_path;
    Tint m_tint;
    QSvgRenderer m_renderer;
};

} // namespace

namespace Icons {

QIcon themed(const QString &name)
{
    if (QIcon::hasThemeIcon(name))
        return QIcon::fromTheme(name);
    return QIcon(new SvgIconEngine(QStringLiteral(":/icons/actions/%1.svg").arg(name),
                                   SvgIconEngine::Tint::Palette));
}

QIcon application()
{
    return QIcon(new SvgIconEngine(QStringLiteral(":/icons/shadowscope.svg"), SvgIconEngine::Tint::None));
}

} // namespace Icons
