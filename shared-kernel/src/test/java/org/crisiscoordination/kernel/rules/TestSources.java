package org.crisiscoordination.kernel.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The test sources of every module, read as text (the kernel's tests run before the other modules
 * are compiled): enough of Java to find a test method, its body and the helpers it calls.
 */
final class TestSources {

    private static final Pattern TEST_ANNOTATION =
            Pattern.compile("@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b");
    private static final Pattern CALL = Pattern.compile("\\b([a-z][A-Za-z0-9]*)\\s*\\(");

    private final Map<String, List<Path>> byClassName;
    private final Map<Path, JavaText> parsed = new HashMap<>();

    private TestSources(Map<String, List<Path>> byClassName) {
        this.byClassName = byClassName;
    }

    /** The {@code src/test/java} sources under the root, build output and hidden directories left out. */
    static TestSources under(Path root) throws IOException {
        List<Path> sources = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                // build output, hidden directories, and main sources (which hold no tests)
                boolean skipped = !dir.equals(root) && (name.startsWith(".") || name.equals("target")
                        || name.equals("node_modules") || name.equals("main"));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (isTestSource(root, file)) {
                    sources.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return new TestSources(sources.stream()
                .collect(Collectors.groupingBy(file -> file.getFileName().toString().replace(".java", ""))));
    }

    boolean isEmpty() {
        return byClassName.isEmpty();
    }

    /**
     * The text of the test method {@code className#method} (any source of that simple name), with
     * the bodies of the methods of its class that it calls; empty if no such test exists.
     */
    Optional<String> testMethod(String className, String method) {
        return byClassName.getOrDefault(className, List.of()).stream()
                .map(source -> testMethodBody(source, method)).flatMap(Optional::stream).findFirst();
    }

    /**
     * The text of a test method of that name in the source, comments left out, followed by the
     * bodies of the methods of the same source it calls (its helpers); empty if it has no such test.
     */
    private Optional<String> testMethodBody(Path source, String method) {
        JavaText text = parsed.computeIfAbsent(source, file -> {
            try {
                return JavaText.of(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Matcher declaration = Pattern.compile("\\bvoid\\s+" + method + "\\s*\\(").matcher(text.structure());
        while (declaration.find()) {
            String before = text.structure().substring(0, declaration.start());
            int previous = Math.max(before.lastIndexOf(';'),
                    Math.max(before.lastIndexOf('}'), before.lastIndexOf('{')));
            if (TEST_ANNOTATION.matcher(before.substring(previous + 1)).find()) {
                int open = text.structure().indexOf('{', declaration.end());
                String body = text.block(open);
                StringBuilder withHelpers = new StringBuilder(body);
                Matcher call = CALL.matcher(text.structure().substring(open, open + body.length()));
                while (call.find()) {
                    text.bodyOf(call.group(1)).ifPresent(helper -> withHelpers.append('\n').append(helper));
                }
                return Optional.of(withHelpers.toString());
            }
        }
        return Optional.empty();
    }

    private static boolean isTestSource(Path root, Path file) {
        String path = root.relativize(file).toString().replace('\\', '/');
        return path.endsWith(".java") && path.contains("src/test/java/");
    }

    /**
     * Java source with comments blanked ({@code code}), and with string and character literals
     * blanked too ({@code structure}, for counting braces); both keep every offset.
     */
    record JavaText(String code, String structure, Map<String, Integer> declarations) {

        /** A word, then a method's name and its opening parenthesis: a declaration if a body follows. */
        private static final Pattern DECLARED = Pattern.compile("([\\w$<>\\[\\],.?]+)\\s+([a-z][\\w$]*)\\s*\\(");
        private static final Set<String> KEYWORDS = Set.of("new", "return", "else", "throw", "case",
                "if", "for", "while", "switch", "catch", "synchronized", "try", "do", "assert", "yield");

        static JavaText of(String source) {
            StringBuilder code = new StringBuilder(source);
            StringBuilder structure = new StringBuilder(source);
            int i = 0;
            while (i < source.length()) {
                int end;
                if (source.startsWith("//", i)) {
                    end = source.indexOf('\n', i);
                    end = end < 0 ? source.length() : end;
                    blank(code, i, end);
                    blank(structure, i, end);
                } else if (source.startsWith("/*", i)) {
                    end = source.indexOf("*/", i + 2);
                    end = end < 0 ? source.length() : end + 2;
                    blank(code, i, end);
                    blank(structure, i, end);
                } else if (source.startsWith("\"\"\"", i)) {
                    end = source.indexOf("\"\"\"", i + 3);
                    end = end < 0 ? source.length() : end + 3;
                    blank(structure, i + 3, end - 3);
                } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                    end = literalEnd(source, i);
                    blank(structure, i + 1, end - 1);
                } else {
                    end = i + 1;
                }
                i = end;
            }
            return new JavaText(code.toString(), structure.toString(), declarations(structure.toString()));
        }

        /** Where the body of each method declared here opens, by name (its first declaration). */
        private static Map<String, Integer> declarations(String structure) {
            Map<String, Integer> found = new HashMap<>();
            Matcher declared = DECLARED.matcher(structure);
            while (declared.find()) {
                if (KEYWORDS.contains(declared.group(1)) || KEYWORDS.contains(declared.group(2))) {
                    continue;
                }
                int depth = 0;
                int next = declared.end() - 1;
                for (; next < structure.length(); next++) {
                    char c = structure.charAt(next);
                    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                    if (depth == 0 || c == ';' || c == '{' || c == '}') {
                        break;
                    }
                }
                if (next < structure.length() && structure.charAt(next) == ')') {
                    int body = next + 1;
                    while (body < structure.length() && structure.charAt(body) != '{' && structure.charAt(body) != ';'
                            && structure.charAt(body) != '}' && structure.charAt(body) != '=') {
                        body++; // whitespace, or a throws clause
                    }
                    if (body < structure.length() && structure.charAt(body) == '{'
                            && structure.substring(next + 1, body).matches("\\s*(throws\\s+[\\w$.,\\s]+)?")) {
                        found.putIfAbsent(declared.group(2), body);
                    }
                }
            }
            return found;
        }

        /** The block that opens at {@code open}, braces included, comments left out. */
        String block(int open) {
            int depth = 0;
            for (int i = open; i >= 0 && i < structure.length(); i++) {
                char c = structure.charAt(i);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 0) {
                    return code.substring(open, i + 1);
                }
            }
            return code.substring(Math.max(open, 0));
        }

        /** The body of a method declared here under that name (its first declaration), if any. */
        Optional<String> bodyOf(String method) {
            return Optional.ofNullable(declarations.get(method)).map(this::block);
        }

        private static int literalEnd(String source, int start) {
            char quote = source.charAt(start);
            for (int i = start + 1; i < source.length(); i++) {
                char c = source.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == quote || c == '\n') {
                    return i + 1;
                }
            }
            return source.length();
        }

        private static void blank(StringBuilder text, int from, int to) {
            for (int i = from; i < to; i++) {
                if (text.charAt(i) != '\n') {
                    text.setCharAt(i, ' ');
                }
            }
        }
    }
}
