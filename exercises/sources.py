"""Sources written one per line as "Label — address", shown under exercises and reads."""


def parse_sources(text: str) -> list[tuple[str, str]]:
    """(label, address) pairs; the address is only kept when it is a web link."""
    pairs = []
    for line in text.splitlines():
        label, _sep, address = line.partition(" — ")
        address = address.strip()
        if not address.startswith(("https://", "http://")):
            label, address = line, ""
        if label.strip():
            pairs.append((label.strip(), address))
    return pairs
