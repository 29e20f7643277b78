package io.settlehub.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the hub's processes with their own logs, and ends them all. */
final class Processes implements AutoCloseable {

    private final Path logs;
    private final List<Process> started = new ArrayList<>();
    private final Map<String, Process> byName = new java.util.HashMap<>();

    Processes(Path logs) throws IOException {
        this.logs = Files.createDirectories(logs);
    }

    Process start(String name, Map<String, String> env, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        byName.put(name, process);
        return process;
    }

    Process java(String name, Path jar, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.addAll(List.of(args));
        return start(name, env, command);
    }

    String log(String name) throws IOException {
        Path file = logs.resolve(name + ".log");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    void stop(String name) throws InterruptedException {
        Process process = byName.remove(name);
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        started.remove(process);
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    void kill(String name) throws InterruptedException {
        Process process = byName.remove(name);
        process.destroyForcibly();
        process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
        started.remove(process);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            Process process = started.get(i);
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        for (Process process : started) {
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
