# The local push service and push configured for it (tests/push_service.py).
from tests.push_service import push_on, receiver  # noqa: F401
