"""Sync and async execution of the runtime's plans: one code path for all logic, two drivers.

Everything that is not I/O (building requests, choosing security schemes, deciding retries and
401 replays, the token lifecycle, parsing responses) is written once, as generator functions
("plans") that ``yield`` the I/O they need as :class:`Effect` objects and receive the result back.
:func:`run_sync` performs the effects with blocking calls (``httpx.Client``, ``time.sleep``,
daemon threads with deadlines, ``threading`` single flight); :func:`run_async` performs the same
effects with ``await`` (``httpx.AsyncClient``, ``asyncio.sleep``, ``asyncio.wait_for``, task
single flight). A plan never knows which driver runs it.

Every wait has a bound: HTTP sends carry an httpx timeout, user callables (token stores,
callbacks, token providers) run under a deadline (sync: in a daemon worker thread, so a hung
store can neither hang the call nor keep the interpreter from exiting; async: ``wait_for``), and
waiting for another caller's token request ends at the caller's deadline.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import inspect
import threading
import time
import weakref
from typing import Awaitable, Callable, Dict, Generator, Generic, List, Optional, Tuple, TypeVar, Union, cast

import httpx

from .errors import ConfigurationException, NetworkException, TimeoutException
from .url import redact_url

T = TypeVar("T")


class Effect:
    """One piece of I/O a plan asks its driver to perform."""

    __slots__ = ()

    def run_sync(self) -> object:
        """Performs the effect with blocking calls."""
        raise NotImplementedError

    async def run_async(self) -> object:
        """Performs the effect with ``await``."""
        raise NotImplementedError


#: A plan: yields effects, receives their results, returns ``T``.
Plan = Generator[Effect, object, T]


def just(value: T) -> Plan[T]:
    """A plan that performs no I/O and returns ``value`` (for providers that never need any)."""
    yield from ()
    return value


def run_sync(plan: Plan[T]) -> T:
    """Runs ``plan`` to completion, performing each effect with blocking calls."""
    value: object = None
    error: Optional[Exception] = None
    while True:
        try:
            effect = plan.send(value) if error is None else plan.throw(error)
        except StopIteration as stop:
            return cast(T, stop.value)
        error = None
        try:
            value = effect.run_sync()
        except Exception as exc:  # handed to the plan, which decides (retry, fallback, raise)
            value, error = None, exc


async def run_async(plan: Plan[T]) -> T:
    """Runs ``plan`` to completion, performing each effect with ``await``."""
    value: object = None
    error: Optional[Exception] = None
    while True:
        try:
            effect = plan.send(value) if error is None else plan.throw(error)
        except StopIteration as stop:
            return cast(T, stop.value)
        error = None
        try:
            value = await effect.run_async()
        except Exception as exc:
            value, error = None, exc


def remaining(deadline: Optional[float]) -> Optional[float]:
    """Seconds left until the monotonic ``deadline`` (≥ 0), or ``None`` for no deadline."""
    if deadline is None:
        return None
    return max(0.0, deadline - time.monotonic())


def deadline_after(timeout: Optional[float]) -> Optional[float]:
    """The monotonic deadline ``timeout`` seconds from now (``None``/0: no deadline)."""
    if not timeout:
        return None
    return time.monotonic() + timeout


# --------------------------------------------------------------------------------------------
# HTTP


class BodyTooLarge(Exception):
    """A response body exceeded the limit of a :class:`Send`; the response was closed."""

    def __init__(self, status: int, limit: int) -> None:
        """``status`` of the response; ``limit`` in bytes."""
        super().__init__(f"response body larger than {limit} bytes")
        self.status = status
        self.limit = limit


class Received:
    """A response read completely (the connection is back in the pool)."""

    __slots__ = ("status", "headers", "content", "reason", "url", "response")

    def __init__(
        self, status: int, headers: httpx.Headers, content: bytes, reason: str, url: str, response: httpx.Response
    ) -> None:
        """Status, headers, body bytes, reason phrase, request URL and the ``httpx.Response``."""
        self.status = status
        self.headers = headers
        self.content = content
        self.reason = reason
        self.url = url
        self.response = response

    @classmethod
    def of(cls, response: httpx.Response, content: bytes, url: str) -> Received:
        """``response`` with its body ``content``, sent to ``url``."""
        return cls(response.status_code, response.headers, content, response.reason_phrase, url, response)


def _reason(exc: BaseException) -> str:
    """A short, secret-free cause: the system error code when there is one, else the class name.
    The message of a transport error is never used: it may quote the URL or header values."""
    seen: List[BaseException] = []
    current: Optional[BaseException] = exc
    while current is not None and current not in seen:
        seen.append(current)
        code = getattr(current, "errno", None)
        if isinstance(code, int) and code in errno.errorcode:
            return errno.errorcode[code]
        for arg in getattr(current, "args", ()):
            if isinstance(arg, OSError) and isinstance(arg.errno, int) and arg.errno in errno.errorcode:
                return errno.errorcode[arg.errno]
        current = current.__cause__ or current.__context__
    return type(exc).__name__


def map_transport_error(exc: Exception, url: str, what: str, timeout: Optional[float]) -> Exception:
    """An httpx error as the SDK's exception (unchained, secret-free); other errors unchanged."""
    where = redact_url(url)
    if isinstance(exc, httpx.TimeoutException):
        return TimeoutException(f"{what} to {where} timed out after {timeout} s", where, timeout or 0.0)
    if isinstance(exc, httpx.TransportError):
        reason = _reason(exc)
        return NetworkException(f"{what} to {where} failed: {reason}", where, reason)
    return exc


class Send(Effect):
    """Sends ``request`` (never following redirects) and reads the whole body.

    ``limit`` bounds the body: past it the response is closed and :class:`BodyTooLarge` raised.
    ``deadline`` (monotonic) bounds reading the body as a whole, on top of httpx's per-read
    timeout.
    """

    __slots__ = ("client", "request", "what", "timeout", "limit", "deadline")

    def __init__(
        self,
        client: Union[httpx.Client, httpx.AsyncClient],
        request: httpx.Request,
        what: str,
        timeout: Optional[float],
        limit: Optional[int] = None,
        deadline: Optional[float] = None,
    ) -> None:
        """See the class docstring; ``what`` names the request in messages."""
        self.client = client
        self.request = request
        self.what = what
        self.timeout = timeout
        self.limit = limit
        self.deadline = deadline

    def _fail(self, exc: Exception) -> Exception:
        mapped = map_transport_error(exc, str(self.request.url), self.what, self.timeout)
        if mapped is not exc:
            mapped.__suppress_context__ = True
        return mapped

    def _check_deadline(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise httpx.ReadTimeout("deadline")

    def run_sync(self) -> Received:
        """Blocking send with ``httpx.Client``."""
        client = self.client
        if not isinstance(client, httpx.Client):
            raise ConfigurationException("A synchronous client needs an httpx.Client")
        try:
            if self.limit is None and self.deadline is None:
                response = client.send(self.request, follow_redirects=False)
                return Received.of(response, response.content, str(self.request.url))
            response = client.send(self.request, follow_redirects=False, stream=True)
            try:
                chunks: List[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if self.limit is not None and size > self.limit:
                        raise BodyTooLarge(response.status_code, self.limit)
                    chunks.append(chunk)
                    self._check_deadline()
            finally:
                response.close()
        except (httpx.TimeoutException, httpx.TransportError) as exc:
            raise self._fail(exc) from None
        return Received.of(response, b"".join(chunks), str(self.request.url))

    async def run_async(self) -> Received:
        """Non-blocking send with ``httpx.AsyncClient``."""
        client = self.client
        if not isinstance(client, httpx.AsyncClient):
            raise ConfigurationException("An asynchronous client needs an httpx.AsyncClient")
        try:
            if self.limit is None and self.deadline is None:
                response = await client.send(self.request, follow_redirects=False)
                return Received.of(response, response.content, str(self.request.url))
            response = await client.send(self.request, follow_redirects=False, stream=True)
            try:
                chunks: List[bytes] = []
                size = 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if self.limit is not None and size > self.limit:
                        raise BodyTooLarge(response.status_code, self.limit)
                    chunks.append(chunk)
                    self._check_deadline()
            finally:
                await response.aclose()
        except (httpx.TimeoutException, httpx.TransportError) as exc:
            raise self._fail(exc) from None
        return Received.of(response, b"".join(chunks), str(self.request.url))


class Sleep(Effect):
    """Waits ``seconds``."""

    __slots__ = ("seconds",)

    def __init__(self, seconds: float) -> None:
        """Waits this many seconds (≤ 0: not at all)."""
        self.seconds = seconds

    def run_sync(self) -> None:
        """``time.sleep``."""
        if self.seconds > 0:
            time.sleep(self.seconds)

    async def run_async(self) -> None:
        """``asyncio.sleep``."""
        if self.seconds > 0:
            await asyncio.sleep(self.seconds)


# --------------------------------------------------------------------------------------------
# User callables under a deadline


def _wait_timeout(what: str, timeout: Optional[float], url: str) -> TimeoutException:
    return TimeoutException(f"{what} did not finish within {timeout} s", url, timeout or 0.0)


def _in_daemon_thread(fn: Callable[[], object], timeout: Optional[float], what: str, url: str) -> object:
    done = threading.Event()
    box: List[Tuple[bool, object]] = []

    def work() -> None:
        try:
            box.append((True, fn()))
        except BaseException as exc:
            box.append((False, exc))
        finally:
            done.set()

    threading.Thread(target=work, name="sdk-bounded-call", daemon=True).start()
    if not done.wait(timeout):
        raise _wait_timeout(what, timeout, url)
    ok, value = box[0]
    if not ok:
        raise cast(BaseException, value)
    return value


async def _in_daemon_thread_async(fn: Callable[[], object], timeout: Optional[float], what: str, url: str) -> object:
    loop = asyncio.get_running_loop()
    future: asyncio.Future[object] = loop.create_future()

    def settle(ok: bool, value: object) -> None:
        if future.done():
            return
        if ok:
            future.set_result(value)
        else:
            future.set_exception(cast(BaseException, value))

    def work() -> None:
        try:
            result: Tuple[bool, object] = (True, fn())
        except BaseException as exc:
            result = (False, exc)
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile: nobody is waiting
            loop.call_soon_threadsafe(settle, *result)

    threading.Thread(target=work, name="sdk-bounded-call", daemon=True).start()
    try:
        return await asyncio.wait_for(future, timeout)
    except asyncio.TimeoutError:
        raise _wait_timeout(what, timeout, url) from None


class Call(Effect):
    """Calls a user callable (token store method, callback, token provider) under a deadline.

    A callable that returns an awaitable is awaited by the async driver (and refused by the sync
    one). Blocking callables run in a daemon worker thread with the deadline, unless ``inline``
    (set for the SDK's own non-blocking stores, e.g. ``MemoryTokenStore``).
    """

    __slots__ = ("fn", "args", "timeout", "what", "url", "inline")

    def __init__(
        self,
        fn: Callable[..., object],
        args: Tuple[object, ...],
        timeout: Optional[float],
        what: str,
        url: str = "",
        inline: bool = False,
    ) -> None:
        """``what`` names the callable in messages; ``url`` is the related (redacted) URL."""
        self.fn = fn
        self.args = args
        self.timeout = timeout
        self.what = what
        self.url = url
        self.inline = inline

    def _invoke(self) -> object:
        result = self.fn(*self.args)
        if inspect.isawaitable(result):
            if inspect.iscoroutine(result):
                result.close()
            raise ConfigurationException(
                f"{self.what} returned an awaitable: asynchronous stores and callbacks need the asynchronous client"
            )
        return result

    def run_sync(self) -> object:
        """Inline, or in a daemon thread under the deadline."""
        if self.inline:
            return self._invoke()
        return _in_daemon_thread(self._invoke, self.timeout, self.what, self.url)

    async def run_async(self) -> object:
        """Awaits an async callable under ``wait_for``; runs a blocking one in a daemon thread."""
        if (
            self.inline
            or inspect.iscoroutinefunction(self.fn)
            or inspect.iscoroutinefunction(
                getattr(self.fn, "__call__", None)  # noqa: B004 - callable objects with async __call__
            )
        ):
            result = self.fn(*self.args)
        else:
            result = await _in_daemon_thread_async(lambda: self.fn(*self.args), self.timeout, self.what, self.url)
        if inspect.isawaitable(result):
            try:
                return await asyncio.wait_for(_awaited(result), self.timeout)
            except asyncio.TimeoutError:
                raise _wait_timeout(self.what, self.timeout, self.url) from None
        return result


async def _awaited(awaitable: Awaitable[object]) -> object:
    return await awaitable


# --------------------------------------------------------------------------------------------
# Single flight


class _ThreadFlight(Generic[T]):
    __slots__ = ("event", "ok", "value", "anchor")

    def __init__(self, anchor: object) -> None:
        self.event = threading.Event()
        self.ok = False
        self.value: object = None
        self.anchor = anchor  # keeps the keyed object (a store) alive, so its id is not reused


_thread_flights: Dict[Tuple[object, ...], _ThreadFlight[object]] = {}
_thread_flights_lock = threading.Lock()
_TaskFlights = Dict[Tuple[object, ...], "asyncio.Task[object]"]
_task_flights: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _TaskFlights] = weakref.WeakKeyDictionary()


def flight_running(key: Tuple[object, ...]) -> bool:
    """True while a flight for ``key`` runs (in threads or in the running event loop)."""
    if key in _thread_flights:
        return True
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return False
    return key in _task_flights.get(loop, {})


class JoinFlight(Effect):
    """Joins the flight running for ``key``, or starts ``start()`` as the new one.

    At most one flight per key runs at a time, shared by every caller in the process (threads) or
    in the event loop (tasks). The flight runs on its own (a daemon thread, or a task), so a
    caller that stops waiting (its deadline passed, or its task was cancelled) does not cancel
    it for the others. The entry is removed when the flight ends, so a failure is not cached.
    With ``wait=False`` the flight is started (unless one is running) and not awaited.
    """

    __slots__ = ("key", "anchor", "start", "timeout", "wait", "what", "url")

    def __init__(
        self,
        key: Tuple[object, ...],
        anchor: object,
        start: Callable[[], Plan[object]],
        timeout: Optional[float],
        what: str,
        url: str = "",
        wait: bool = True,
    ) -> None:
        """See the class docstring; ``anchor`` is kept alive while the flight runs."""
        self.key = key
        self.anchor = anchor
        self.start = start
        self.timeout = timeout
        self.wait = wait
        self.what = what
        self.url = url

    def run_sync(self) -> object:
        """Threads: the flight runs in a daemon thread; callers wait on its event."""
        key = self.key
        with _thread_flights_lock:
            flight = _thread_flights.get(key)
            starter = flight is None
            if flight is None:
                flight = _ThreadFlight(self.anchor)
                _thread_flights[key] = flight
        if starter:
            start = self.start
            running = flight

            def body() -> None:
                try:
                    running.value = run_sync(start())
                    running.ok = True
                except BaseException as exc:
                    running.value = exc
                finally:
                    with _thread_flights_lock:
                        if _thread_flights.get(key) is running:
                            del _thread_flights[key]
                    running.event.set()

            threading.Thread(target=body, name="sdk-token-flight", daemon=True).start()
        if not self.wait:
            return None
        if not flight.event.wait(self.timeout):
            raise _wait_timeout(self.what, self.timeout, self.url)
        if flight.ok:
            return flight.value
        raise cast(BaseException, flight.value)

    async def run_async(self) -> object:
        """Tasks: the flight is a task of the running loop; callers await it shielded."""
        loop = asyncio.get_running_loop()
        flights = _task_flights.get(loop)
        if flights is None:
            flights = {}
            _task_flights[loop] = flights
        task = flights.get(self.key)
        if task is None:
            task = loop.create_task(_anchored(run_async(self.start()), self.anchor))
            flights[self.key] = task
            task.add_done_callback(_forget(flights, self.key))
        if not self.wait:
            return None
        try:
            return await asyncio.wait_for(asyncio.shield(task), self.timeout)
        except asyncio.TimeoutError:
            raise _wait_timeout(self.what, self.timeout, self.url) from None


async def _anchored(coroutine: Awaitable[T], anchor: object) -> T:
    result = await coroutine
    _ = anchor  # referenced by this frame, so the keyed object lives as long as the flight
    return result


def _forget(
    flights: Dict[Tuple[object, ...], asyncio.Task[object]], key: Tuple[object, ...]
) -> Callable[[asyncio.Task[object]], None]:
    def done(task: asyncio.Task[object]) -> None:
        if flights.get(key) is task:
            del flights[key]
        if not task.cancelled():
            task.exception()  # retrieved, so an unawaited background failure is not reported again

    return done
