// SPDX-License-Identifier: GPL-3.0-or-later
// Build tool: renders the application's SVG icon to the bitmaps each platform installs.
//   shadowscope-render-icons SVG --hicolor DIR NAME   DIR/<N>x<N>/apps/NAME.png (freedesktop)
//   shadowscope-render-icons SVG --ico FILE           a Windows icon (one 256 px image; Windows scales it)
//   shadowscope-render-icons SVG --iconset DIR        a macOS .iconset for `iconutil -c icns`
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

namespace {

// The sizes of the freedesktop hicolor theme that desktops look up for an application icon.
constexpr int HicolorSizes[] = { 16, 22, 24, 32, 48, 64, 128, 256, 512 };
// The base sizes of a macOS icon set; each also comes at twice the size as "@2x".
constexpr int IconsetSizes[] = { 16, 32, 128, 256, 512 };

QImage render(QSvgRenderer &svg, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    svg.render(&painter);
    return image;
}

bool save(const QImage &image, const QString &path, const char *format)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()) || !image.save(path, format)) {
        std::fprintf(stderr, "shadowscope-render-icons: cannot write %s\n", qPrintable(path));
        return false;
    }
    return true;
}

int usage()
{
    std::fprintf(stderr, "usage: shadowscope-render-icons SVG (--hicolor DIR NAME | --ico FILE | "
                         "--iconset DIR)\n");
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = QGuiApplication::arguments().mid(1);
    if (args.size() < 3)
        return usage();
    QSvgRenderer svg(args.at(0));
    if (!svg.isValid()) {
        std::fprintf(stderr, "shadowscope-render-icons: %s is not a valid SVG\n", qPrintable(args.at(0)));
        return 1;
    }
    const QString &mode = args.at(1);
    const QString &target = args.at(2);
    if (mode == QLatin1String("--hicolor") && args.size() == 4) {
        for (int size : HicolorSizes) {
            const QString path = QStringLiteral("%1/%2x%2/apps/%3.png").arg(target).arg(size).arg(args.at(3));
            if (!save(render(svg, size), path, "PNG"))
                return 1;
        }
        return 0;
    }
    if (mode == QLatin1String("--ico") && args.size() == 3)
        return save(render(svg, 256), target, "ICO") ? 0 : 1;
    if (mode == QLatin1String("--iconset") && args.size() == 3) {
        for (int size : IconsetSizes) {
            const QString base = QStringLiteral("%1/icon_%2x%2").arg(target).arg(size);
            if (!save(render(svg, size), base + QLatin1String(".png"), "PNG")
                || !save(render(svg, 2 * size), base + QLatin1String("@2x.png"), "PNG"))
                return 1;
        }
        return 0;
    }
    return usage();
}
