/**
 * Not API: may change without notice. Internals shared by the public packages, among them {@link no.veiviser.internal.Access},
 * the bridge through which the feature packages reach what the core package keeps package-private.
 */
package no.veiviser.internal;
