package com.dermrelay.local.s3;

import com.dermrelay.local.metering.UsageMeter;
import java.io.InputStream;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** Counts the object requests s3proxy serves, by S3 API, into {@link UsageMeter} (cost model). */
final class MeteredBlobStore extends ForwardingBlobStore {
  private final UsageMeter meter = UsageMeter.global();

  MeteredBlobStore(BlobStore delegate) {
    super(delegate);
  }

  @Override
  public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
    meter.recordS3("PutObject");
    return super.putBlob(request, content);
  }

  @Override
  public CopyObjectResponse copyBlob(CopyObjectRequest request) {
    meter.recordS3("CopyObject");
    return super.copyBlob(request);
  }

  @Override
  public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
    meter.recordS3("GetObject");
    return super.getBlob(request);
  }

  @Override
  public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
    meter.recordS3("HeadObject");
    return super.blobMetadata(request);
  }

  @Override
  public ListObjectsV2Response list(ListObjectsV2Request request) {
    meter.recordS3("ListObjects");
    return super.list(request);
  }

  @Override
  public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
    meter.recordS3("DeleteObject");
    return super.removeBlob(request);
  }
}
