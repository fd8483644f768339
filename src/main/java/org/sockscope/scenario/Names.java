package org.sockscope.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names a call may use at one point of a scenario: descriptors from the set-up and from
 * earlier {@code socket()}/{@code accept()} steps, and numbers bound by earlier steps. Each
 * descriptor belongs to one process's descriptor table.
 */
final class Names {

    enum Kind { DESCRIPTOR, LISTENER, NUMBER }

    /**
     * A defined name; {@code table} is the process whose descriptor table it was made in (null for
     * numbers, and for a name whose set-up line is wrong), {@code alsoIn} the processes spawned
     * from that table since, which hold a copy.
     */
    record Symbol(String name, Kind kind, String table, java.util.Set<String> alsoIn) {
        Symbol {
            alsoIn = java.util.Set.copyOf(alsoIn);
        }

        Symbol(String name, Kind kind, String table) {
            this(name, kind, table, java.util.Set.of());
        }

        /** True when the descriptor is a slot of {@code t}'s table (always, for an unknown one). */
        boolean in(String t) {
            return table == null || table.equals(t) || alsoIn.contains(t);
        }
    }

    /** The table of a process whose declaration is wrong (already reported): ownership is not checked. */
    static final String UNKNOWN_TABLE = "";

    private final Map<String, Symbol> symbols = new LinkedHashMap<>();
    private final Map<String, String> tables;
    private final Map<String, String> spawners;

    /** @param tables process name → the process whose descriptor table it uses */
    Names(Map<String, String> tables) {
        this(tables, Map.of());
    }

    /** @param spawners spawned process or thread → the process or thread whose step spawns it */
    Names(Map<String, String> tables, Map<String, String> spawners) {
        this.tables = Map.copyOf(tables);
        this.spawners = Map.copyOf(spawners);
    }

    /** The processes and threads declared spawned by {@code process}. */
    List<String> spawnedBy(String process) {
        return spawners.entrySet().stream().filter(e -> e.getValue().equals(process)).map(Map.Entry::getKey).sorted().toList();
    }

    /** The process or thread that spawns {@code process}, if a step does. */
    Optional<String> spawner(String process) {
        return Optional.ofNullable(spawners.get(process));
    }

    Optional<Symbol> get(String name) {
        return Optional.ofNullable(symbols.get(name));
    }

    void define(Symbol symbol) {
        symbols.put(symbol.name(), symbol);
    }

    /**
     * Process {@code child} has been spawned from {@code parent}'s table: every descriptor in it is
     * now also in the child's, at the same number.
     */
    void inherit(String parent, String child) {
        symbols.replaceAll((n, s) -> s.kind() != Kind.NUMBER && s.table() != null && s.in(parent)
                ? new Symbol(n, s.kind(), s.table(), union(s.alsoIn(), child)) : s);
    }

    private static java.util.Set<String> union(java.util.Set<String> set, String one) {
        java.util.Set<String> out = new java.util.HashSet<>(set);
        out.add(one);
        return out;
    }

    /** The descriptor table process {@code process} uses, or null for an unknown process. */
    String tableOf(String process) {
        String table = process == null ? null : tables.get(process);
        return UNKNOWN_TABLE.equals(table) ? null : table;
    }

    boolean isProcess(String name) {
        return name != null && tables.containsKey(name);
    }

    /** Descriptor names (listeners included), optionally only those in one table. */
    List<String> descriptors(String table) {
        List<String> out = new ArrayList<>();
        for (Symbol s : symbols.values()) {
            if (s.kind() != Kind.NUMBER && (table == null || s.in(table))) {
                out.add(s.name());
            }
        }
        return out;
    }

    List<String> numbers() {
        return symbols.values().stream().filter(s -> s.kind() == Kind.NUMBER).map(Symbol::name).toList();
    }
}
