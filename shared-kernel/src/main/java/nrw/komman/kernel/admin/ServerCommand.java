package nrw.komman.kernel.admin;

/**
 * A one-off command an operator runs on the server instead of starting the platform, e.g.
 * {@code java -jar komm-an-platform.jar --komman.admin.reset=admin}. The runnable application finds the commands with
 * {@link java.util.ServiceLoader} ({@code META-INF/services}), so that the module that owns the data implements them
 * and the application only asks; the first that wants the arguments runs, and the process ends with its exit code.
 */
public interface ServerCommand {

    /** True when the command line asks for this command. */
    boolean wants(String[] args);

    /** Runs the command and returns the process's exit code: 0 done, anything else failed (the reason is printed). */
    int run(String[] args);
}
