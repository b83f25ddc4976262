package com.dermrelay.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** A photo-like JPEG for the benchmarks: skin-toned background, texture and a dark lesion. */
final class SyntheticPhoto {
  private SyntheticPhoto() {}

  static Path write(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(214, 170, 140));
    g.fillRect(0, 0, width, height);
    Random random = new Random(42);
    for (int i = 0; i < width * height / 400; i++) {
      int shade = 150 + random.nextInt(60);
      g.setColor(new Color(shade + 30, shade - 10, shade - 40));
      g.fillRect(random.nextInt(width), random.nextInt(height), 3, 3);
    }
    g.setColor(new Color(90, 55, 40));
    g.fillOval(width / 2 - width / 10, height / 2 - height / 10, width / 5, height / 5);
    g.dispose();
    Path file = Files.createTempFile("dermrelay-photo-" + width + "x" + height, ".jpg");
    ImageIO.write(image, "jpg", file.toFile());
    return file;
  }
}
