package dev.userpool.local;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * Replaces the running JVM by another program in the same process (POSIX {@code execv}): the same
 * process id, terminal, standard streams and parent, so Ctrl-C, {@code kill} and the exit code
 * behave as if the user had started the new program directly, and no second JVM stays resident to
 * wait for it. Through JNA, whose jar carries its native part for each platform.
 */
final class ProcessImage {
  /** The C library functions used; JNA passes a {@code String[]} as a NULL-terminated char**. */
  interface CLibrary extends Library {
    int execv(String path, String[] argv);

    int setenv(String name, String value, int overwrite);

    int sigprocmask(int how, byte[] set, byte[] oldSet);

    int fcntl(int fd, int command, int argument);
  }

  private static final int F_SETFD = 2; // the same on Linux and macOS
  private static final int FD_CLOEXEC = 1;

  private ProcessImage() {}

  /**
   * Runs {@code command} in place of this JVM with {@code environment} added. Returns only when
   * that was not possible, with the reason; this JVM is then unchanged except for the environment.
   */
  static String replaceWith(List<String> command, Map<String, String> environment) {
    if (Platform.isWindows()) {
      return "Windows has no execv";
    }
    try {
      CLibrary c = Native.load("c", CLibrary.class);
      environment.forEach((name, value) -> c.setenv(name, value, 1));
      closeOnExec(c);
      // The JVM blocks some signals in its threads; a blocked mask survives exec and would leave
      // the new JVM deaf to them (SIGQUIT thread dumps).
      c.sigprocmask(Platform.isMac() ? 3 : 2, new byte[128], null);
      System.out.flush();
      System.err.flush();
      c.execv(command.get(0), command.toArray(String[]::new));
      return "execv failed with errno " + Native.getLastError();
    } catch (LinkageError | RuntimeException e) {
      return "no native access: " + e;
    }
  }

  /**
   * Descriptors this JVM opened (its jar, its class data archive) would otherwise stay open,
   * unused, in the new program.
   */
  private static void closeOnExec(CLibrary c) {
    File[] open = new File(Platform.isLinux() ? "/proc/self/fd" : "/dev/fd").listFiles();
    if (open == null) {
      return;
    }
    for (File fd : open) {
      try {
        int number = Integer.parseInt(fd.getName());
        if (number > 2) {
          c.fcntl(number, F_SETFD, FD_CLOEXEC);
        }
      } catch (NumberFormatException e) {
        // not a descriptor entry
      }
    }
  }
}
