package dev.userpool.local;

import dev.userpool.domain.UserImportJob;
import dev.userpool.imports.UploadTokens;
import dev.userpool.protocol.ApiResponse;
import dev.userpool.store.ImportJobStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code PUT /_local/import/<poolId>/<jobId>?token=…}: the local stand-in for the S3 presigned URL
 * that CreateUserImportJob answers. Like S3 for a URL presigned with {@code
 * x-amz-server-side-encryption: aws:kms}, it answers 403 unless the request carries that header and
 * the job's token (compared as hashes, in constant time); the upload is accepted only while the job
 * is Created.
 */
final class ImportUploadEndpoint {
  static final String PREFIX = "/_local/import/";
  private static final Pattern PATH =
      Pattern.compile("/_local/import/([\\w-]+_[0-9a-zA-Z]+)/(import-[0-9a-zA-Z-]+)");

  private ImportUploadEndpoint() {}

  static boolean matches(String path) {
    return path.startsWith(PREFIX);
  }

  static ApiResponse handle(
      String method,
      String path,
      String rawQuery,
      Map<String, String> headers,
      InputStream body,
      ImportJobStore jobs,
      ImportUploads uploads)
      throws IOException {
    Matcher m = PATH.matcher(path);
    if (!method.equals("PUT") || !m.matches()) {
      return error(405, "MethodNotAllowed", "Upload the CSV with PUT to the job's PreSignedUrl.");
    }
    Optional<UserImportJob> job = jobs.find(m.group(1), m.group(2));
    if (job.isEmpty() || !UploadTokens.matches(token(rawQuery), job.get().uploadTokenHash())) {
      return error(403, "AccessDenied", "The URL is not this job's PreSignedUrl.");
    }
    if (!"aws:kms".equals(header(headers, "x-amz-server-side-encryption"))) {
      return error(
          403,
          "AccessDenied",
          "The PreSignedUrl is signed for the header x-amz-server-side-encryption: aws:kms; send it.");
    }
    if (!job.get().status().equals(UserImportJob.CREATED)) {
      return error(
          403,
          "AccessDenied",
          "The job has already started; create a new job to upload another file.");
    }
    if (!uploads.receive(m.group(1), m.group(2), body)) {
      return error(
          400, "EntityTooLarge", "The CSV is larger than " + ImportUploads.MAX_BYTES + " bytes.");
    }
    return new ApiResponse(200, Map.of("Content-Length", "0"), new byte[0]);
  }

  private static String token(String rawQuery) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(UploadTokens.PARAMETER)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static String header(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue().strip();
      }
    }
    return null;
  }

  /** S3's error shape: XML with Code and Message. */
  private static ApiResponse error(int status, String code, String message) {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
            + code
            + "</Code><Message>"
            + message.replace("&", "&amp;").replace("<", "&lt;")
            + "</Message></Error>";
    return new ApiResponse(
        status, Map.of("Content-Type", "application/xml"), xml.getBytes(StandardCharsets.UTF_8));
  }
}
