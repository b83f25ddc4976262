package com.dermrelay.datarights;

/** A file a section adds to the export archive beside {@code export.json}, e.g. a photo. */
public record ExportFile(String path, byte[] bytes) {
  public ExportFile {
    if (path.startsWith("/") || path.contains("..") || path.equals(ExportMyData.DOCUMENT)) {
      throw new IllegalArgumentException("not a path inside the archive");
    }
  }
}
