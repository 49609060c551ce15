/**
 * The {@code veiviser} command line ({@link no.veiviser.cli.Main}): {@code guides}, {@code validate}, {@code evaluate},
 * {@code explain}, {@code test}, {@code diff}, {@code lint}, {@code docs} and {@code init}, built on picocli and the
 * public packages. Bad input prints {@code file:line:column: message} and a hint, never a stack trace. Not API: the
 * classes here are the CLI's own and may change without notice; use the library packages from Java.
 */
package no.veiviser.cli;
