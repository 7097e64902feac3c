#!/usr/bin/env python3
"""Reference host runtime for WorldForge's `jepa` / `jepa-wms` providers.

Speaks the worldforge-bridge protocol (version 1): JSON lines on stdin/stdout. The host owns
torch, the facebookresearch/jepa-wms hub code, checkpoints, preprocessing and the device; the
WorldForge package never depends on any of them. Not part of the package and not run in CI (a
test only byte-compiles this file).

    JEPA_MODEL_NAME=jepa_wm_pusht \
    JEPA_RUNTIME_COMMAND="python3 host-recipes/jepa-wms/bridge.py" \
    npx worldforge doctor jepa

The model name comes from WORLDFORGE_BRIDGE_MODEL (set by the client from JEPA_MODEL_NAME or
JEPA_WMS_MODEL_NAME), the device from WORLDFORGE_BRIDGE_DEVICE. Logs go to stderr: stdout carries
protocol lines only.
"""
import json
import math
import os
import sys

PROTOCOL = "worldforge-bridge"
PROTOCOL_VERSION = 1
HUB_REPO = "facebookresearch/jepa-wms"
MAX_MESSAGE_BYTES = 1024 * 1024


def log(*parts):
    print("jepa-wms-bridge:", *parts, file=sys.stderr, flush=True)


def send(message):
    """Writes one protocol line; non-finite numbers use the {"$number": ...} encoding."""

    def encode(value):
        if isinstance(value, float) and not math.isfinite(value):
            return {"$number": "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")}
        if isinstance(value, (list, tuple)):
            return [encode(v) for v in value]
        if isinstance(value, dict):
            return {k: encode(v) for k, v in value.items()}
        return value

    line = json.dumps(encode(message), allow_nan=False, separators=(",", ":"))
    if len(line.encode("utf-8")) > MAX_MESSAGE_BYTES:
        raise ValueError("response exceeds the bridge size cap; return shapes and costs, not tensors")
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def load_model(name, device):
    """Loads (model, preprocessor) from torch hub; returns (None, reason) when it cannot."""
    try:
        import torch  # noqa: F401  (host-owned dependency)
    except ImportError:
        return None, "torch is not installed on this host"
    try:
        import torch

        model, preprocessor = torch.hub.load(HUB_REPO, name)
        model = model.to(device).eval()
        return (model, preprocessor), None
    except Exception as error:  # the hub raises many types; report one sentence
        return None, f"could not load {name} from {HUB_REPO}: {type(error).__name__}"


def to_tensor(value, device):
    import torch

    return torch.as_tensor(value, dtype=torch.float32, device=device)


def score(loaded, params, device):
    """One latent-distance cost per candidate (lower is better), or the model's own scorer."""
    import torch

    model, preprocessor = loaded
    info = params["info"]
    candidates = to_tensor(params["action_candidates"], device)
    observation = to_tensor(info["observation"], device)
    goal = to_tensor(info["goal"], device)
    with torch.no_grad():
        if hasattr(model, "score_actions"):
            costs = model.score_actions(observation, goal, candidates)
        else:
            encode = getattr(model, "encode")
            unroll = getattr(model, "unroll")
            start = encode(preprocessor(observation) if callable(preprocessor) else observation)
            target = encode(preprocessor(goal) if callable(preprocessor) else goal)
            costs = torch.stack([torch.linalg.vector_norm(unroll(start, c) - target) for c in candidates])
    return {
        "scores": [float(c) for c in costs.flatten().tolist()],
        "lower_is_better": True,
        "metadata": {"runtime": "torchhub", "hub_repo": HUB_REPO, "objective": "l2"},
    }


def main():
    name = os.environ.get("WORLDFORGE_BRIDGE_MODEL") or None
    device = os.environ.get("WORLDFORGE_BRIDGE_DEVICE") or "cpu"
    loaded, reason = (None, "no model name given") if name is None else load_model(name, device)
    if reason:
        log(reason)
    send(
        {
            "type": "hello",
            "protocol": PROTOCOL,
            "protocol_version": PROTOCOL_VERSION,
            "runtime": {"name": "jepa-wms-host", "version": "0.1.0"},
            "model": None if name is None else {"name": name, "loaded": loaded is not None},
            "device": device,
            "methods": ["health", "score"],
        }
    )
    for line in sys.stdin:
        try:
            message = json.loads(line)
        except ValueError:
            log("ignored a line that is not JSON")
            continue
        if message.get("type") == "shutdown":
            return
        if message.get("type") != "request":
            continue
        request_id, method = message.get("id"), message.get("method")
        if method == "health":
            send({"type": "response", "id": request_id, "result": {"ready": loaded is not None, "model": name, "detail": reason or "ready"}})
        elif loaded is None:
            send({"type": "response", "id": request_id, "error": {"type": "model_not_found", "message": reason}})
        elif method == "score":
            try:
                send({"type": "response", "id": request_id, "result": score(loaded, message["params"], device)})
            except (KeyError, ValueError, RuntimeError) as error:
                send({"type": "response", "id": request_id, "error": {"type": "inference_failed", "message": type(error).__name__}})
        else:
            send({"type": "response", "id": request_id, "error": {"type": "unsupported_method", "message": f"no method {method}"}})


if __name__ == "__main__":
    main()
