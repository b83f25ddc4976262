package com.dermrelay.local.s3;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * S3 through s3proxy, in this JVM. SigV4 is verified against the local keys, so presigned URLs are
 * checked for real (tampered, expired or wrong content type: 403), and CORS answers the portal's
 * origins so browser uploads work as they will against S3.
 */
public final class S3Emulator implements AutoCloseable {
  private final String host;
  private final java.util.function.Supplier<S3Proxy> proxies;
  private final int port;
  private volatile S3Proxy proxy;

  private S3Emulator(S3Proxy proxy, String host, java.util.function.Supplier<S3Proxy> proxies) {
    this.proxy = proxy;
    this.host = host;
    this.proxies = proxies;
    this.port = proxy.getPort();
  }

  /**
   * Starts s3proxy and creates the bucket.
   *
   * @param dataDir where objects are kept across restarts; null keeps them in memory
   */
  public static S3Emulator start(
      String host,
      int port,
      String accessKey,
      String secretKey,
      List<String> corsOrigins,
      String bucket,
      Path dataDir) {
    BlobStore store;
    if (dataDir == null) {
      store = new TransientNio2BlobStore();
    } else {
      try {
        Files.createDirectories(dataDir);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot create " + dataDir, e);
      }
      store = new FilesystemNio2BlobStore(dataDir.toString());
    }
    BlobStore metered = new MeteredBlobStore(store);
    java.util.function.Supplier<S3Proxy> proxies =
        () -> proxy(metered, host, port, accessKey, secretKey, corsOrigins);
    S3Proxy proxy = proxies.get();
    try {
      proxy.start();
      awaitStarted(proxy);
    } catch (Exception e) {
      stopQuietly(proxy, e);
      throw new IllegalStateException("s3proxy failed to start on " + host + ":" + port, e);
    }
    if (!store.containerExists(bucket)) {
      store.createContainer(bucket);
    }
    // Port 0 picked a free port: a restart (resume) binds the same one again.
    int bound = proxy.getPort();
    return new S3Emulator(
        proxy, host, () -> proxy(metered, host, bound, accessKey, secretKey, corsOrigins));
  }

  private static S3Proxy proxy(
      BlobStore store,
      String host,
      int port,
      String accessKey,
      String secretKey,
      List<String> corsOrigins) {
    return S3Proxy.builder()
        .blobStore(store)
        .endpoint(URI.create("http://" + host + ":" + port))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
        .corsRules(
            new CrossOriginResourceSharing(
                corsOrigins,
                List.of("GET", "HEAD", "PUT", "POST"),
                List.of("*"),
                List.of("ETag", "x-amz-request-id"),
                "false"))
        .build();
  }

  /**
   * Stops answering (connections to the port are refused) and keeps every object: an outage of S3
   * for fault tests. {@link #resume} ends it.
   */
  public synchronized void interrupt() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("s3proxy did not stop cleanly", e);
    }
  }

  /** Answers again on the same port, with the same objects. */
  public synchronized void resume() {
    S3Proxy restarted = proxies.get();
    try {
      restarted.start();
      awaitStarted(restarted);
    } catch (Exception e) {
      stopQuietly(restarted, e);
      throw new IllegalStateException("s3proxy failed to restart on " + host + ":" + port, e);
    }
    proxy = restarted;
  }

  private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
    for (int i = 0; i < 500 && !"STARTED".equals(proxy.getState()); i++) {
      Thread.sleep(10);
    }
    if (!"STARTED".equals(proxy.getState())) {
      throw new IllegalStateException("s3proxy state " + proxy.getState());
    }
  }

  private static void stopQuietly(S3Proxy proxy, Exception cause) {
    try {
      proxy.stop();
    } catch (Exception stopFailure) {
      cause.addSuppressed(stopFailure);
    }
  }

  public int port() {
    return port;
  }

  public String endpoint() {
    return "http://" + host + ":" + port();
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("s3proxy did not stop cleanly", e);
    }
  }
}
