"""vragen — asking the questions of a tree: with arrow keys (`pijltjes`, the only module that
imports questionary and prompt_toolkit) or as a numbered list for screen readers and pipes
(`eenvoudig`). Both answer through the one interview loop, `kern.gesprek.doorloop`.
May import: `kern`, `lezen`, `opslag`.
"""
