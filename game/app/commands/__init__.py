"""The command interpreter every front end shares: command lines in, orders to the session and text out.

The terminal reads lines and prints what comes back; the window's command line does the same in its log; a later
network client can too. Commands are parsed here into orders (through `Session.submit`) or views of the state,
with their help, completions and problem messages, so the front ends do not depend on each other."""
