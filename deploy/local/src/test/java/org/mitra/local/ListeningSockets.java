package org.mitra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets that processes listen on, read from Linux's /proc: each process's open sockets
 * (/proc/PID/fd) matched with the kernel's socket tables (/proc/net/tcp and tcp6) in state LISTEN.
 */
record ListeningSockets(List<Socket> sockets) {
    private static final String LISTEN = "0A";

    /** One listening socket: the local address and port, and the process holding it. */
    record Socket(InetAddress address, int port, long pid) {
        boolean loopback() {
            return address.isLoopbackAddress();
        }

        @Override
        public String toString() {
            return address.getHostAddress() + ":" + port + " (pid " + pid + ")";
        }
    }

    static ListeningSockets of(Set<Long> pids) {
        List<Socket> sockets = new ArrayList<>();
        for (long pid : pids) {
            Set<String> inodes = socketInodes(pid);
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                for (String line : lines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length < 10 || !fields[3].equals(LISTEN) || !inodes.contains(fields[9])) {
                        continue;
                    }
                    String[] local = fields[1].split(":");
                    sockets.add(new Socket(address(local[0]), Integer.parseInt(local[1], 16), pid));
                }
            }
        }
        return new ListeningSockets(List.copyOf(sockets));
    }

    Set<Integer> ports() {
        Set<Integer> ports = new HashSet<>();
        sockets.forEach(socket -> ports.add(socket.port()));
        return ports;
    }

    List<Socket> beyondLoopback() {
        return sockets.stream().filter(socket -> !socket.loopback()).toList();
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed between listing and reading
                }
            }
        } catch (IOException goneMeanwhile) {
            // the process ended
        }
        return inodes;
    }

    private static List<String> lines(Path table) {
        try {
            List<String> all = Files.readAllLines(table);
            return all.subList(1, all.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** /proc/net/tcp writes an address as the hex of its bytes in host order, 32 bits at a time (little endian here). */
    private static InetAddress address(String hex) {
        byte[] raw = HexFormat.of().parseHex(hex);
        byte[] bytes = new byte[raw.length];
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                bytes[word + i] = raw[word + 3 - i];
            }
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
