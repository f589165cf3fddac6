package io.quotewire.testsupport;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Screenshots the browser tests write for the READMEs (query-service {@code docs/screenshots/}). */
public final class Screenshots {

    private Screenshots() {
    }

    /**
     * Writes the PNG to the file unless the file already shows this picture: same size and at most 0.1 % of the
     * pixels different (the rasteriser's anti-aliasing of a rounded corner varies by a pixel or two between runs),
     * so a run rewrites a screenshot only when the page changed.
     */
    public static void save(Path file, byte[] png) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!samePicture(file, png)) {
                Files.write(file, png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean samePicture(Path file, byte[] png) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        BufferedImage old = ImageIO.read(file.toFile());
        BufferedImage now = ImageIO.read(new ByteArrayInputStream(png));
        if (old == null || now == null || old.getWidth() != now.getWidth() || old.getHeight() != now.getHeight()) {
            return false;
        }
        long different = 0;
        for (int y = 0; y < now.getHeight(); y++) {
            for (int x = 0; x < now.getWidth(); x++) {
                if (old.getRGB(x, y) != now.getRGB(x, y)) {
                    different++;
                }
            }
        }
        return different * 1000 <= (long) now.getWidth() * now.getHeight();
    }
}
