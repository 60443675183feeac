package org.mitra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A server the launcher started as an operating-system process, its output going to a log file. */
final class ChildProcess implements Stoppable {
    private static final long GRACE_SECONDS = 30;
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workingDirectory,
            Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(inOwnSession(command))
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            return new ChildProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
        }
    }

    /**
     * Ctrl-C in a terminal signals the whole foreground process group; a child in its own session is left to the
     * launcher, which stops the children in reverse order of their start.
     */
    private static List<String> inOwnSession(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(command.size() + 1);
        wrapped.add(SETSID.toString());
        wrapped.addAll(command);
        return wrapped;
    }

    /** Runs a short command to its end, e.g. formatting Kafka's storage, and fails if it fails. */
    static void run(String name, List<String> command, Path workingDirectory, Path log) {
        ChildProcess child = start(name, command, Map.of(), workingDirectory, log);
        try {
            if (!child.process.waitFor(2, TimeUnit.MINUTES)) {
                child.stop();
                throw new IllegalStateException(name + " did not finish within 2 minutes; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        }
        if (child.process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed with exit code " + child.process.exitValue() + ":\n"
                    + child.logTail(15));
        }
    }

    @Override
    public String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Ended on its own or at the launcher's SIGTERM (a JVM then exits with 143), not killed. */
    boolean stoppedGracefully() {
        return !process.isAlive() && (process.exitValue() == 0 || process.exitValue() == 143);
    }

    Path log() {
        return log;
    }

    /** This process and its descendants. */
    java.util.Set<Long> processIds() {
        java.util.Set<Long> pids = new java.util.TreeSet<>();
        pids.add(process.pid());
        process.descendants().forEach(child -> pids.add(child.pid()));
        return pids;
    }

    /** The last lines of the log, to show why a server did not come up. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + log + ")";
        }
    }

    /** Kills the process and its children at once (SIGKILL): no shutdown hooks, no flushing, as in a crash. */
    void kill() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the process and its children (Keycloak's script starts a JVM) to stop, then insists. */
    @Override
    public void stop() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            for (ProcessHandle descendant : descendants) {
                descendant.onExit().get(GRACE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            descendants.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
