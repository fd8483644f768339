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

    /** A defined name; {@code table} is the process whose descriptor table holds it (null for numbers). */
    record Symbol(String name, Kind kind, String table) {
    }

    /** The table of a process whose declaration is wrong (already reported): ownership is not checked. */
    static final String UNKNOWN_TABLE = "";

    private final Map<String, Symbol> symbols = new LinkedHashMap<>();
    private final Map<String, String> tables;

    /** @param tables process name → the process whose descriptor table it uses */
    Names(Map<String, String> tables) {
        this.tables = Map.copyOf(tables);
    }

    Optional<Symbol> get(String name) {
        return Optional.ofNullable(symbols.get(name));
    }

    void define(Symbol symbol) {
        symbols.put(symbol.name(), symbol);
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
            if (s.kind() != Kind.NUMBER && (table == null || table.equals(s.table()))) {
                out.add(s.name());
            }
        }
        return out;
    }

    List<String> numbers() {
        return symbols.values().stream().filter(s -> s.kind() == Kind.NUMBER).map(Symbol::name).toList();
    }
}
