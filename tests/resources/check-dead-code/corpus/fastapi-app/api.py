from fastapi import APIRouter, Depends, FastAPI
from pydantic import BaseModel

app = FastAPI()
router = APIRouter()


class Features(BaseModel):
    age: int
    income: float


def get_model():
    return object()


@app.get("/health")
def health():
    return {"ok": True}


@router.post("/predict")
def predict(features: Features, model=Depends(get_model)):
    return {"score": features.age * 0.1}


@app.on_event("startup")
async def load_model():
    print("loaded")


def old_predict(features):  # expect: MLH206
    return 0


app.include_router(router)
