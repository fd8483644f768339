package org.sockscope.scenario;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads and checks the {@code setup:} section, and defines the descriptor names it creates. */
final class SetupReader {
    static final List<String> FIELDS = List.of("processes", "tcp", "pipes", "listeners", "actions");
    private static final List<String> PROCESS_FIELDS = List.of("name", "thread_of", "spawned_by");
    private static final List<String> TCP_FIELDS = List.of("name", "client", "server", "sndbuf", "rcvbuf",
            "sndtimeo_ms", "rcvtimeo_ms", "nodelay", "nonblocking");
    private static final List<String> PIPE_FIELDS = List.of("name", "writer", "reader", "capacity", "nonblocking");
    private static final List<String> LISTENER_FIELDS = List.of("name", "process", "rcvbuf", "backlog", "nonblocking");

    /** Names of processes, connections, pipes, listeners and bound values: C identifiers. */
    static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** setsockopt's request for SO_SNDBUF/SO_RCVBUF; the kernel doubles and clamps it. */
    private static final long MAX_BUF = 16L << 20;

    /** The set-up and the names it defines (null setup when it could not be read). */
    record Result(Setup setup, Names names) {
    }

    private final Problems problems;
    private final Map<String, String> tables = new LinkedHashMap<>();
    private final Map<String, Node> taken = new LinkedHashMap<>(); // connection/pipe/listener names
    private final Set<String> spawned = new java.util.HashSet<>(); // processes a step starts
    private final Set<String> wrongSpawner = new java.util.HashSet<>(); // whose spawned_by is reported wrong
    private Names names;

    private SetupReader(Problems problems) {
        this.problems = problems;
    }

    static Result read(Node node, Problems problems) {
        return new SetupReader(problems).read(node);
    }

    private Result read(Node node) {
        YamlMap m = YamlMap.of(node, "setup", FIELDS, problems);
        if (m == null) {
            return new Result(null, new Names(Map.of()));
        }
        List<ProcessSpec> processes = processes(m.list("processes", true, true), m.keyNode("processes"));
        Map<String, String> spawners = new LinkedHashMap<>();
        processes.forEach(p -> p.spawnedBy().ifPresent(by -> spawners.put(p.name(), by)));
        wrongSpawner.forEach(p -> spawners.put(p, Names.UNKNOWN_TABLE)); // reported: any spawn() of it is taken
        names = new Names(tables, spawners);
        List<TcpSpec> tcp = each(m.list("tcp", false, false), this::tcp);
        List<PipeSpec> pipes = each(m.list("pipes", false, false), this::pipe);
        List<ListenerSpec> listeners = each(m.list("listeners", false, false), this::listener);
        List<SetupAction> actions = each(m.list("actions", false, false), this::action);
        return new Result(new Setup(processes, tcp, pipes, listeners, actions), names);
    }

    private interface ItemReader<T> {
        T read(Node node);
    }

    private static <T> List<T> each(List<Node> nodes, ItemReader<T> reader) {
        List<T> out = new ArrayList<>();
        if (nodes != null) {
            for (Node n : nodes) {
                T item = reader.read(n);
                if (item != null) {
                    out.add(item);
                }
            }
        }
        return out;
    }

    private List<ProcessSpec> processes(List<Node> nodes, Node where) {
        List<ProcessSpec> out = new ArrayList<>();
        if (nodes == null) {
            return out;
        }
        Map<String, Node> threadOf = new LinkedHashMap<>();
        Map<String, Node> spawnedBy = new LinkedHashMap<>();
        for (Node n : nodes) {
            String name;
            Node parent = null;
            Node spawner = null;
            if (n instanceof ScalarNode) {
                name = ident(n, "a process name");
            } else {
                YamlMap m = YamlMap.of(n, "a process", PROCESS_FIELDS, problems);
                if (m == null) {
                    continue;
                }
                Node nameNode = m.required("name");
                name = nameNode == null ? null : ident(nameNode, "a process name");
                parent = m.get("thread_of");
                spawner = m.get("spawned_by");
            }
            if (name == null) {
                continue;
            }
            if (tables.containsKey(name)) {
                problems.at(n, "process '" + name + "' is declared twice", "give each process its own name");
                continue;
            }
            tables.put(name, name);
            if (parent != null) {
                threadOf.put(name, parent);
            }
            if (spawner != null) {
                spawnedBy.put(name, spawner);
            }
            out.add(new ProcessSpec(name, Optional.empty()));
        }
        if (out.isEmpty() && nodes.isEmpty()) {
            problems.at(where, "setup.processes is empty", "declare at least one process, e.g. processes: [app]");
        }
        // Threads resolve after all processes are known, so order in the list does not matter.
        for (var e : threadOf.entrySet()) {
            String parent = ident(e.getValue(), "'thread_of'");
            if (parent == null) {
                tables.put(e.getKey(), Names.UNKNOWN_TABLE);
                continue;
            }
            if (!tables.containsKey(parent) || threadOf.containsKey(parent)) {
                problems.at(e.getValue(), "'" + parent + "' is not a process this thread can belong to",
                        Suggest.hint(parent, tables.keySet().stream().filter(p -> !threadOf.containsKey(p)).toList(), "processes"));
                tables.put(e.getKey(), Names.UNKNOWN_TABLE); // its steps are not blamed for this line
                continue;
            }
            tables.put(e.getKey(), parent);
            out.replaceAll(p -> p.name().equals(e.getKey()) ? new ProcessSpec(p.name(), Optional.of(parent)) : p);
        }
        for (var e : spawnedBy.entrySet()) {
            spawnedBy(out, e.getKey(), e.getValue());
        }
        for (var e : threadOf.entrySet()) {
            String process = tables.get(e.getKey());
            if (spawned.contains(process) && !spawned.contains(e.getKey())) {
                problems.at(e.getValue(), "thread " + e.getKey() + " belongs to '" + process + "', which a step spawns,"
                        + " so it cannot exist from the start", "add spawned_by: " + process);
            }
        }
        return out;
    }

    /**
     * {@code spawned_by: parent}: a step of {@code parent} spawns {@code name}. A spawned thread
     * belongs to its spawner's process; a spawned process gets a copy of its spawner's table.
     */
    private void spawnedBy(List<ProcessSpec> out, String name, Node node) {
        String by = ident(node, "'spawned_by'");
        spawned.add(name); // even when wrong: the set-up is not blamed for using it too
        if (by == null) {
            wrongSpawner.add(name);
            return;
        }
        if (!tables.containsKey(by) || by.equals(name)) {
            problems.at(node, "'" + by + "' is not a process or thread that can spawn " + name,
                    Suggest.hint(by, tables.keySet().stream().filter(p -> !p.equals(name)).toList(), "declared processes"));
            wrongSpawner.add(name);
            return;
        }
        String table = tables.get(name);
        if (!table.equals(name) && !Names.UNKNOWN_TABLE.equals(table) && !table.equals(tables.get(by))) {
            problems.at(node, "thread " + name + " belongs to '" + table + "', so '" + by + "' cannot spawn it",
                    "a thread is spawned by its own process (or another thread of it): spawned_by: " + table);
            wrongSpawner.add(name);
            return;
        }
        out.replaceAll(p -> p.name().equals(name) ? new ProcessSpec(name, p.threadOf(), Optional.of(by)) : p);
    }

    private TcpSpec tcp(Node node) {
        YamlMap m = YamlMap.of(node, "a tcp connection", TCP_FIELDS, problems);
        if (m == null) {
            return null;
        }
        String name = name(m);
        String client = process(m, "client");
        String server = process(m, "server");
        OptionalInt sndbuf = opt(m.integer("sndbuf", 1, MAX_BUF));
        OptionalInt rcvbuf = opt(m.integer("rcvbuf", 1, MAX_BUF));
        OptionalInt sndtimeo = opt(m.integer("sndtimeo_ms", 1, 60_000));
        OptionalInt rcvtimeo = opt(m.integer("rcvtimeo_ms", 1, 60_000));
        Boolean nodelay = m.bool("nodelay");
        Set<Side> nonblocking = EnumSet.noneOf(Side.class);
        for (String s : words(m, "nonblocking", List.of("client", "server"))) {
            nonblocking.add(s.equals("client") ? Side.CLIENT : Side.SERVER);
        }
        if (name != null) {
            // Define the ends even when a process is wrong, so steps are not blamed for it too.
            names.define(new Names.Symbol(name + ".client", Names.Kind.DESCRIPTOR, owner(client)));
            names.define(new Names.Symbol(name + ".server", Names.Kind.DESCRIPTOR, owner(server)));
        }
        if (name == null || client == null || server == null) {
            return null;
        }
        return new TcpSpec(name, client, server, sndbuf, rcvbuf, sndtimeo, rcvtimeo, Boolean.TRUE.equals(nodelay), nonblocking);
    }

    private PipeSpec pipe(Node node) {
        YamlMap m = YamlMap.of(node, "a pipe", PIPE_FIELDS, problems);
        if (m == null) {
            return null;
        }
        String name = name(m);
        String writer = process(m, "writer");
        String reader = process(m, "reader");
        // The kernel rounds a pipe's size up to whole pages; 1 MiB is the unprivileged limit.
        OptionalInt capacity = opt(m.integer("capacity", 4096, 1 << 20));
        List<String> nonblocking = words(m, "nonblocking", List.of("read", "write"));
        if (name != null) {
            names.define(new Names.Symbol(name + ".write", Names.Kind.DESCRIPTOR, owner(writer)));
            names.define(new Names.Symbol(name + ".read", Names.Kind.DESCRIPTOR, owner(reader)));
        }
        if (name == null || writer == null || reader == null) {
            return null;
        }
        return new PipeSpec(name, writer, reader, capacity, nonblocking.contains("write"), nonblocking.contains("read"));
    }

    private ListenerSpec listener(Node node) {
        YamlMap m = YamlMap.of(node, "a listener", LISTENER_FIELDS, problems);
        if (m == null) {
            return null;
        }
        String name = name(m);
        String process = process(m, "process");
        OptionalInt rcvbuf = opt(m.integer("rcvbuf", 1, MAX_BUF));
        OptionalInt backlog = opt(m.integer("backlog", 1, 4096));
        Boolean nonblocking = m.bool("nonblocking");
        if (name != null) {
            names.define(new Names.Symbol(name, Names.Kind.LISTENER, owner(process)));
        }
        if (name == null || process == null) {
            return null;
        }
        return new ListenerSpec(name, process, rcvbuf, backlog, Boolean.TRUE.equals(nonblocking));
    }

    private SetupAction action(Node node) {
        String text = YamlMap.text(node, "a set-up action", problems);
        if (text == null) {
            return null;
        }
        try {
            Call call = CallParser.parse(text, names, null);
            if (call.args().isEmpty() || !(call.args().getFirst() instanceof Arg.Fd fd)
                    || call.name().equals("connect") || call.name().equals("accept")) {
                problems.at(node, "set-up action " + call.name() + "() does not act on a descriptor it owns",
                        "set-up actions are calls on a set-up descriptor, e.g. fill(conn.client); put other calls in steps");
                return null;
            }
            String table = names.get(fd.name()).map(Names.Symbol::table).orElse(null);
            return new SetupAction(table, call, node.getStartMark().getLine() + 1);
        } catch (InlineError e) {
            problems.inside((ScalarNode) node, e);
            return null;
        }
    }

    /** The entry's name: an identifier not used by another connection, pipe or listener. */
    private String name(YamlMap m) {
        Node n = m.required("name");
        String name = n == null ? null : ident(n, "a name");
        if (name == null) {
            return null;
        }
        if (taken.containsKey(name)) {
            problems.at(n, "the name '" + name + "' is already used", "first used at line "
                    + (taken.get(name).getStartMark().getLine() + 1) + "; names must be unique");
            return null;
        }
        if (Constants.isKnown(name) || CallSignatures.isKnown(name) || name.equals("NULL")) {
            problems.at(n, "'" + name + "' is a C name and cannot name a descriptor", "choose another name");
            return null;
        }
        taken.put(name, n);
        return name;
    }

    private String process(YamlMap m, String key) {
        Node n = m.required(key);
        String name = n == null ? null : ident(n, "'" + key + "'");
        if (name != null && !tables.containsKey(name)) {
            // With no process declared, that mistake is reported once in setup.processes, not at every use.
            if (!tables.isEmpty()) {
                problems.at(n, "unknown process '" + name + "'", Suggest.hint(name, List.copyOf(tables.keySet()), "declared processes"));
            }
            return null;
        }
        if (name != null && spawned.contains(name)) {
            problems.at(n, "'" + name + "' is spawned by a step, so it does not exist during the set-up",
                    "give this to a process that exists from the start; a spawned process inherits its spawner's descriptors");
            return null;
        }
        return name;
    }

    private String ident(Node n, String label) {
        String s = YamlMap.text(n, label, problems);
        if (s != null && !IDENT.matcher(s).matches()) {
            problems.at(n, label + " '" + s + "' is not a name", "use letters, digits and _, starting with a letter");
            return null;
        }
        return s;
    }

    private List<String> words(YamlMap m, String key, List<String> allowed) {
        List<String> out = new ArrayList<>();
        List<Node> nodes = m.list(key, false, true);
        if (nodes != null) {
            for (Node n : nodes) {
                String w = YamlMap.text(n, "'" + key + "'", problems);
                if (w != null && !allowed.contains(w)) {
                    problems.at(n, "'" + w + "' is not allowed in '" + key + "'", Suggest.hint(w, allowed, "allowed"));
                } else if (w != null) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    /** The descriptor table of a valid process, or null (ownership is then not checked). */
    private String owner(String process) {
        return process == null ? null : tables.get(process);
    }

    private static OptionalInt opt(Long v) {
        return v == null ? OptionalInt.empty() : OptionalInt.of(Math.toIntExact(v));
    }
}
