package dev.userpool.store.embedded;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * The data folder cannot be used at all: it is a file, cannot be created, read or written, or
 * another process holds it. The message is one sentence meant for the person who chose the folder.
 */
public final class UnusableDataFolderException extends IllegalStateException {
  UnusableDataFolderException(String message, Throwable cause) {
    super(message, cause);
  }

  static UnusableDataFolderException of(Path dir, String doing, IOException e) {
    return new UnusableDataFolderException(
        "cannot use " + dir + " as the data folder: " + doing + " failed (" + reason(e) + ")", e);
  }

  /** The operating system's words for the failure, without Java's exception names. */
  static String reason(IOException e) {
    if (e instanceof FileAlreadyExistsException) {
      return "a file of that name is in the way";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
